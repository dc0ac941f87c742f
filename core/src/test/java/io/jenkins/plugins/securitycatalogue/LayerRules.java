package io.jenkins.plugins.securitycatalogue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of core, checked by {@link LayerRulesTest}. Core decides everything that can be decided without
 * Jenkins: it must not depend on Jenkins at all.
 */
final class LayerRules {
    static final ArchRule CORE_DOES_NOT_DEPEND_ON_JENKINS = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..",
                    "org.jenkinsci..")
            .because("core is built and tested where Jenkins cannot be downloaded");

    static final ArchRule CORE_DOES_NOT_PRINT = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("library code logs with java.util.logging or writes to the report log");

    static final ArchRule MODEL_DOES_NOT_DEPEND_ON_STORAGE = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "..recording..", "..query..",
                    "java.sql..")
            .because("the finding model is shared by parsers that run on build agents");

    static final ArchRule ONLY_THE_GITHUB_PACKAGE_TALKS_TO_GITHUB = noClasses()
            .that().resideOutsideOfPackage("..securitycatalogue.github..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kohsuke.github..", "..securitycatalogue.github..")
            .because("recording reads repositories through RepositoryMetadataSource and never fails with GitHub");

    private LayerRules() {
    }
}
