package io.jenkins.plugins.securitycatalogue.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Post-mortem action items to GitHub issues from the incident page, against a WireMock GitHub on 127.0.0.1:
 * filing an issue stores its link, refreshing brings its state back, and both need the permission to manage
 * incidents, POST and a crumb. The post-mortem is one of the shipped examples (examples/post-mortems/PROVENANCE.md).
 */
@WithJenkins
class IncidentGitHubIssuesTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "post-mortems", "2018-github-memcached-ddos.md");

    private final FakeGitHub github = new FakeGitHub();
    private JenkinsRule j;
    private Incident incident;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, CataloguePermissions.READ, CataloguePermissions.MANAGE_INCIDENTS)
                .everywhere().to("author")
                .grant(Jenkins.READ, CataloguePermissions.READ).everywhere().to("reader"));
        github.configure();
        incident = IncidentAccess.store().create(MarkdownImport.read(Files.readString(EXAMPLE)).postMortem(),
                "author", Instant.now());
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldFileAnActionItemAsAnIssueAndShowItsLink() throws Exception {
        github.getJson("/repos/acme/shop", "repository.json");
        github.postJson("/repos/acme/shop/issues", 201, "issue-created.json");
        try (JenkinsRule.WebClient author = j.createWebClient().login("author")) {
            HtmlPage before = author.goTo(incidentUrl());
            assertThat(before.asNormalizedText()).contains("Action items", "Create GitHub issue",
                    "Refresh issue states");

            HtmlPage after = author.getPage(createIssue(author, "2", FakeGitHub.repository("acme/shop"),
                    "post-mortem, security"));

            assertThat(after.asNormalizedText()).contains("https://github.com/acme/shop/issues/1347");
        }
        assertThat(item(2).tracker()).isEqualTo("https://github.com/acme/shop/issues/1347");
        github.server.verify(postRequestedFor(urlPathEqualTo(FakeGitHub.PREFIX + "/repos/acme/shop/issues"))
                .withRequestBody(containing("post-mortem")).withRequestBody(containing("security"))
                .withRequestBody(containing("[" + incident.id() + "]")));
    }

    @Test
    void shouldBringTheIssueStateBackToTheItem() throws Exception {
        linkItem(3, FakeGitHub.repository("acme/shop") + "/issues/1347");
        github.getJson("/repos/acme/shop", "repository.json");
        github.getJson("/repos/acme/shop/issues/1347", "issue-closed-completed.json");
        try (JenkinsRule.WebClient author = j.createWebClient().login("author")) {
            HtmlPage refreshed = author.getPage(new WebRequest(author.createCrumbedUrl(incidentUrl()
                    + "refreshIssueStates"), HttpMethod.POST));

            assertThat(refreshed.asNormalizedText()).contains("closed", "completed", "OPEN to DONE");
        }
        assertThat(item(3).state()).isEqualTo(ActionItem.State.DONE);
    }

    @Test
    void shouldRefuseIssuesWithoutPermissionCrumbOrPost() throws Exception {
        try (JenkinsRule.WebClient reader = j.createWebClient().login("reader");
                JenkinsRule.WebClient author = j.createWebClient().login("author")) {
            reader.setThrowExceptionOnFailingStatusCode(false);
            author.setThrowExceptionOnFailingStatusCode(false);

            assertThat(reader.getPage(createIssue(reader, "1", FakeGitHub.repository("acme/shop"), ""))
                    .getWebResponse().getStatusCode()).isEqualTo(403);
            var withoutCrumb = new WebRequest(new URL(j.getURL(), incidentUrl() + "createGitHubIssue"),
                    HttpMethod.POST);
            assertThat(author.getPage(withoutCrumb).getWebResponse().getStatusCode()).isEqualTo(403);
            var get = new WebRequest(author.createCrumbedUrl(incidentUrl() + "refreshIssueStates"), HttpMethod.GET);
            assertThat(author.getPage(get).getWebResponse().getStatusCode()).isEqualTo(404);
            var notARepository = createIssue(author, "1", "not a repository", "");
            assertThat(author.getPage(notARepository).getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(reader.goTo(incidentUrl()).asNormalizedText()).doesNotContain("Create GitHub issue");
        }
        assertThat(github.server.getAllServeEvents()).isEmpty();
        assertThat(item(1).tracker()).isNull();
    }

    private WebRequest createIssue(JenkinsRule.WebClient client, String item, String repository, String labels)
            throws Exception {
        var request = new WebRequest(client.createCrumbedUrl(incidentUrl() + "createGitHubIssue"), HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("item", item),
                new NameValuePair("repository", repository), new NameValuePair("labels", labels)));
        return request;
    }

    private void linkItem(int number, String tracker) throws Exception {
        Incident current = IncidentAccess.store().find(incident.id()).orElseThrow();
        List<ActionItem> items = new ArrayList<>(current.postMortem().actionItems());
        ActionItem item = items.get(number - 1);
        items.set(number - 1, new ActionItem(item.description(), item.owner(), item.type(), item.priority(),
                item.due(), ActionItem.State.OPEN, tracker));
        IncidentAccess.store().save(incident.id(), current.revision(),
                current.postMortem().toBuilder().actionItems(items).build(), "author", Instant.now());
    }

    private ActionItem item(int number) throws Exception {
        return IncidentAccess.store().find(incident.id()).orElseThrow().postMortem().actionItems().get(number - 1);
    }

    private String incidentUrl() {
        return IncidentsRootAction.URL_NAME + "/incident/" + incident.id() + "/";
    }
}
