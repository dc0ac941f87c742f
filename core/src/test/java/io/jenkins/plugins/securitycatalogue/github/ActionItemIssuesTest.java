package io.jenkins.plugins.securitycatalogue.github;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.NOW;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.incident.ActionItem;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentSeverity;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Post-mortem action items filed as GitHub issues, and their state brought back. */
class ActionItemIssuesTest {
    private static final RepositoryCoordinates SHOP = new RepositoryCoordinates("127.0.0.1", "acme", "shop");
    private static final String POST_MORTEM = "https://ci.example.org/security-catalogue/incidents/INC-2026-001";

    private final GitHubStub github = new GitHubStub();

    @TempDir
    Path directory;

    private CatalogueStore store;
    private IncidentStore incidents;

    @BeforeEach
    void openStore() throws Exception {
        store = CatalogueStore.openDirectory(directory);
        incidents = new IncidentStore(store);
    }

    @AfterEach
    void stop() {
        store.close();
        github.close();
    }

    @Test
    void shouldFileAnIssueWithALinkBackAndStoreItsAddress() throws Exception {
        Incident incident = incidents.create(postMortem(item("Alert on every 5xx spike of the checkout API", null)),
                "alice", NOW);
        github.getJson("/repos/acme/shop", "repository.json");
        github.server.stubFor(post(urlPathEqualTo(PREFIX + "/repos/acme/shop/issues"))
                .willReturn(GitHubStub.json(201, "issue-created.json")));

        IssueLink link = issues().export(incident.id(), 1, SHOP, List.of("post-mortem", " security "), POST_MORTEM,
                "bob", NOW);

        assertThat(link).isEqualTo(new IssueLink(1, 1347, "https://github.com/acme/shop/issues/1347"));
        Incident stored = incidents.find(incident.id()).orElseThrow();
        assertThat(stored.postMortem().actionItems().get(0).tracker()).isEqualTo(link.url());
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.updatedBy()).isEqualTo("bob");
        github.server.verify(postRequestedFor(urlPathEqualTo(PREFIX + "/repos/acme/shop/issues"))
                .withRequestBody(matchingJsonPath("$.title",
                        containing("[INC-2026-001] Alert on every 5xx spike of the checkout API")))
                .withRequestBody(matchingJsonPath("$.labels[0]", containing("post-mortem")))
                .withRequestBody(matchingJsonPath("$.labels[1]", containing("security")))
                .withRequestBody(matchingJsonPath("$.body", containing("**Post-mortem:** " + POST_MORTEM)))
                .withRequestBody(matchingJsonPath("$.body", containing("**Owner:** sre"))));
    }

    @Test
    void shouldRefuseAnItemThatIsLinkedOrMissingWithoutCallingGitHub() throws Exception {
        Incident incident = incidents.create(postMortem(item("Rotate keys", "https://jira.example.org/SEC-1")),
                "alice", NOW);

        assertThatThrownBy(() -> issues().export(incident.id(), 1, SHOP, List.of(), null, "bob", NOW))
                .isInstanceOf(IncidentException.class)
                .hasMessage("Action item 1 of INC-2026-001 already links to https://jira.example.org/SEC-1; "
                        + "remove the link first to file another issue");
        assertThatThrownBy(() -> issues().export(incident.id(), 2, SHOP, List.of(), null, "bob", NOW))
                .hasMessage("INC-2026-001 has 1 action items; there is no item 2");
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldBringBackTheStateOfEachLinkedIssue() throws Exception {
        String base = "https://127.0.0.1/acme/shop/issues/";
        Incident incident = incidents.create(postMortem(item("Done on GitHub", base + "1347"),
                item("Not planned on GitHub", base + "1348"), doneItem("Reopened on GitHub", base + "1349"),
                item("Deleted on GitHub", base + "1350"), item("Tracked elsewhere", "https://jira.example.org/SEC-1"),
                item("Elsewhere on GitHub", "https://github.com/acme/shop/issues/1")), "alice", NOW);
        github.getJson("/repos/acme/shop", "repository.json");
        github.getJson("/repos/acme/shop/issues/1347", "issue-closed-completed.json");
        github.getJson("/repos/acme/shop/issues/1348", "issue-closed-not-planned.json");
        github.getJson("/repos/acme/shop/issues/1349", "issue-reopened.json");
        github.getError("/repos/acme/shop/issues/1350", 404, "error-404.json");

        List<IssueRefresh> results = issues().refresh(incident.id(), "bob", NOW);

        assertThat(results).extracting(result -> result.item() + " " + result.issueState() + " " + result.before()
                + "->" + result.after()).containsExactly("1 closed OPEN->DONE", "2 closed OPEN->WONT_DO",
                        "3 open DONE->OPEN", "4 null OPEN->OPEN", "6 null OPEN->OPEN");
        assertThat(results.get(3).problem()).contains("404 Not Found");
        assertThat(results.get(4).problem()).contains("not on the configured GitHub API");
        assertThat(incidents.find(incident.id()).orElseThrow().postMortem().actionItems())
                .extracting(ActionItem::state).containsExactly(ActionItem.State.DONE, ActionItem.State.WONT_DO,
                        ActionItem.State.OPEN, ActionItem.State.OPEN, ActionItem.State.OPEN, ActionItem.State.OPEN);
        assertThat(github.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(PREFIX + "/repos/acme/shop")))).hasSize(1);
    }

    private ActionItemIssues issues() throws GitHubException {
        return new ActionItemIssues(github.connect(), incidents);
    }

    private static PostMortem postMortem(ActionItem... items) {
        return PostMortem.builder("Checkout outage", IncidentSeverity.SEV2).actionItems(List.of(items)).build();
    }

    private static ActionItem item(String description, String tracker) {
        return new ActionItem(description, "sre", ActionItem.Type.DETECT, ActionItem.Priority.P1,
                LocalDate.parse("2027-01-15"), ActionItem.State.OPEN, tracker);
    }

    private static ActionItem doneItem(String description, String tracker) {
        return new ActionItem(description, "sre", ActionItem.Type.DETECT, ActionItem.Priority.P1,
                LocalDate.parse("2027-01-15"), ActionItem.State.DONE, tracker);
    }
}
