package io.jenkins.plugins.securitycatalogue.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentFilter;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Incidents through the pages: create from the form, edit with a conflict check, publish, the permissions, CSRF
 * and the links from the jobs that recorded the affected service. The post-mortem is one of the shipped
 * examples, re-created from a public write-up (see examples/post-mortems/PROVENANCE.md).
 */
@WithJenkins
class IncidentPagesTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "post-mortems", "2018-github-memcached-ddos.md");

    private JenkinsRule j;

    @BeforeEach
    void secureJenkins(JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, CataloguePermissions.READ, CataloguePermissions.MANAGE_INCIDENTS)
                .everywhere().to("author")
                .grant(Jenkins.READ, CataloguePermissions.READ).everywhere().to("reader"));
    }

    @Test
    void shouldCreateEditAndPublishAPostMortemThroughThePages() throws Exception {
        String markdown = Files.readString(EXAMPLE).replace("- Status: published\n", "");
        try (JenkinsRule.WebClient author = j.createWebClient().login("author");
                JenkinsRule.WebClient admin = j.createWebClient().login("admin")) {
            HtmlPage created = submit(author.goTo("security-incidents/newIncident"), markdown);
            Incident incident = only();
            assertThat(created.getUrl().toString()).endsWith("incident/" + incident.id() + "/");
            assertThat(created.asNormalizedText()).contains("memcached", "draft");

            HtmlPage edit = author.goTo("security-incidents/incident/" + incident.id() + "/edit");
            submit(edit, markdown.replace("## Summary\n", "## Summary\n\nEdited through the form.\n"));
            assertThat(only().revision()).isEqualTo(incident.revision() + 1);
            assertThat(only().postMortem().summary()).startsWith("Edited through the form.");

            HtmlPage stale = author.goTo("security-incidents/incident/" + incident.id() + "/edit");
            author.setThrowExceptionOnFailingStatusCode(false);
            submit(author.goTo("security-incidents/incident/" + incident.id() + "/edit"), markdown);
            assertThat(submit(stale, markdown).getWebResponse().getStatusCode()).isEqualTo(409);

            post(author, "security-incidents/incident/" + incident.id() + "/submitForReview?revision="
                    + only().revision());
            assertThat(only().status()).isEqualTo(IncidentStatus.IN_REVIEW);
            post(admin, "security-incidents/incident/" + incident.id() + "/publish?revision=" + only().revision());
            assertThat(only().status()).isEqualTo(IncidentStatus.PUBLISHED);
            assertThat(admin.goTo("security-incidents/feed", "application/atom+xml").getWebResponse()
                    .getContentAsString()).contains("memcached");
        }
    }

    @Test
    void shouldRefuseWritingWithoutPermissionAndWithoutCrumb() throws Exception {
        try (JenkinsRule.WebClient reader = j.createWebClient().login("reader");
                JenkinsRule.WebClient author = j.createWebClient().login("author")) {
            reader.setThrowExceptionOnFailingStatusCode(false);
            author.setThrowExceptionOnFailingStatusCode(false);

            var denied = new WebRequest(reader.createCrumbedUrl("security-incidents/create"), HttpMethod.POST);
            assertThat(reader.getPage(denied).getWebResponse().getStatusCode()).isEqualTo(403);
            var withoutCrumb = new WebRequest(new URL(j.getURL(), "security-incidents/create"), HttpMethod.POST);
            assertThat(author.getPage(withoutCrumb).getWebResponse().getStatusCode()).isEqualTo(403);
            var get = new WebRequest(author.createCrumbedUrl("security-incidents/create"), HttpMethod.GET);
            assertThat(author.getPage(get).getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(IncidentAccess.store().list(IncidentFilter.ALL)).isEmpty();
        }
    }

    @Test
    void shouldLinkTheIncidentFromTheJobsOfTheAffectedService() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "github-web");
        job.setDefinition(new CpsFlowDefinition(
                "recordService name: 'github-web', version: '1', environment: 'production'", true));
        j.buildAndAssertSuccess(job);
        try (JenkinsRule.WebClient author = j.createWebClient().login("author")) {
            submit(author.goTo("security-incidents/newIncident"), Files.readString(EXAMPLE));

            HtmlPage links = author.getPage(job, "security-incidents/");
            HtmlPage service = author.goTo("security-catalogue/service/github-web/");

            assertThat(links.asNormalizedText()).contains(only().id().toString(), "memcached");
            assertThat(service.asNormalizedText()).contains(only().id().toString());
        }
    }

    private static Incident only() throws Exception {
        var incidents = IncidentAccess.store().list(IncidentFilter.ALL);
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    private HtmlPage submit(HtmlPage form, String markdown) throws Exception {
        HtmlForm incident = form.getFormByName("incident");
        HtmlTextArea text = incident.getTextAreaByName("markdown");
        text.setText(markdown);
        return j.submit(incident);
    }

    private static void post(JenkinsRule.WebClient client, String url) throws Exception {
        client.getPage(new WebRequest(client.createCrumbedUrl(url), HttpMethod.POST));
    }
}
