package io.jenkins.plugins.securitycatalogue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the rules of {@link LayerRules} from a plain JUnit Jupiter test: under this build's Surefire the ArchUnit
 * engine reported zero tests for a class of {@code @ArchTest} fields, so the rules are checked here instead.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.securitycatalogue");
    }

    @Test
    void shouldNotDependOnJenkins() {
        LayerRules.CORE_DOES_NOT_DEPEND_ON_JENKINS.check(classes);
    }

    @Test
    void shouldNotPrint() {
        LayerRules.CORE_DOES_NOT_PRINT.check(classes);
    }

    @Test
    void shouldKeepTheModelFreeOfStorage() {
        LayerRules.MODEL_DOES_NOT_DEPEND_ON_STORAGE.check(classes);
    }

    @Test
    void shouldTalkToGitHubOnlyFromItsPackage() {
        LayerRules.ONLY_THE_GITHUB_PACKAGE_TALKS_TO_GITHUB.check(classes);
    }
}
