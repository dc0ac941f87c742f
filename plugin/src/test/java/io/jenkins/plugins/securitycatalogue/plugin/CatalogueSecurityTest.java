package io.jenkins.plugins.securitycatalogue.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Findings are sensitive: the catalogue needs its own permission, a service is shown only to users who can read
 * a job that recorded it, and state-changing requests need POST with a crumb and a permission.
 */
@WithJenkins
class CatalogueSecurityTest {
    private JenkinsRule j;

    @BeforeEach
    void secureJenkins(JenkinsRule rule) throws Exception {
        j = rule;
        WorkflowJob payments = j.createProject(WorkflowJob.class, "payments");
        payments.setDefinition(new CpsFlowDefinition(
                "recordService name: 'payments-api', team: 'payments', version: '1.0', environment: 'production'",
                true));
        j.buildAndAssertSuccess(payments);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("developer", "outsider", "reader")
                .grant(CataloguePermissions.READ).everywhere().to("developer", "outsider")
                .grant(Item.READ).onItems(payments).to("developer", "reader"));
    }

    @Test
    void shouldRefuseTheCatalogueToUsersWithoutItsReadPermission() throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().login("reader")) {
            web.assertFails("security-catalogue/", 403);
            web.assertFails("security-catalogue/api/json", 403);
        }
    }

    @Test
    void shouldShowAServiceOnlyToUsersWhoCanReadAJobThatRecordedIt() throws Exception {
        try (JenkinsRule.WebClient developer = j.createWebClient().login("developer");
                JenkinsRule.WebClient outsider = j.createWebClient().login("outsider")) {
            assertThat(developer.goTo("security-catalogue/").asNormalizedText()).contains("payments-api");
            developer.goTo("security-catalogue/service/payments-api/");

            assertThat(outsider.goTo("security-catalogue/").asNormalizedText()).doesNotContain("payments-api");
            outsider.assertFails("security-catalogue/service/payments-api/", 404);
        }
    }

    @Test
    void shouldRejectAConnectionTestWithoutCrumbOrPermission() throws Exception {
        String url = "descriptorByName/io.jenkins.plugins.securitycatalogue.plugin.SecurityCatalogueConfiguration/"
                + "testConnection?jdbcUrl=&credentialsId=";
        try (JenkinsRule.WebClient developer = j.createWebClient().login("developer");
                JenkinsRule.WebClient admin = j.createWebClient().login("admin")) {
            developer.setThrowExceptionOnFailingStatusCode(false);
            admin.setThrowExceptionOnFailingStatusCode(false);

            var withoutCrumb = new WebRequest(new URL(j.getURL(), url), HttpMethod.POST);
            assertThat(admin.getPage(withoutCrumb).getWebResponse().getStatusCode()).isEqualTo(403);
            var notAdmin = new WebRequest(developer.createCrumbedUrl(url), HttpMethod.POST);
            assertThat(developer.getPage(notAdmin).getWebResponse().getStatusCode()).isEqualTo(403);
            var get = new WebRequest(admin.createCrumbedUrl(url), HttpMethod.GET);
            assertThat(admin.getPage(get).getWebResponse().getStatusCode()).isEqualTo(404);
            var allowed = new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST);
            assertThat(admin.getPage(allowed).getWebResponse().getContentAsString()).contains("schema version");
        }
    }
}
