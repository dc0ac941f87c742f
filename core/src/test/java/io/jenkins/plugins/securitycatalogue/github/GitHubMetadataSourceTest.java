package io.jenkins.plugins.securitycatalogue.github;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.NOW;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.PREFIX;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.recording.MetadataField;
import io.jenkins.plugins.securitycatalogue.recording.MetadataSource;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading a repository's metadata from GitHub, in full, in part, or not at all. */
class GitHubMetadataSourceTest {
    private final GitHubStub github = new GitHubStub();
    private final ReportLog log = new ReportLog();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldReadEveryValueAndTheOwnerOfTheWholeTree() throws Exception {
        github.repositoryFixtures("acme/shop", "repository.json");

        Optional<RepositoryFacts> facts = source().read(GitHubStub.repository("acme/shop.git"), log);

        assertThat(facts).hasValueSatisfying(read -> {
            assertThat(read.readAt()).isEqualTo(NOW);
            assertThat(values(read)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "DESCRIPTION", "The shop's checkout and payment API @GITHUB",
                    "TOPICS", "payments,checkout,java @GITHUB",
                    "DEFAULT_BRANCH", "main @GITHUB",
                    "ARCHIVED", "false @GITHUB",
                    "VISIBILITY", "internal @GITHUB",
                    "LANGUAGE", "Java @GITHUB",
                    "LATEST_RELEASE", "v2.4.1 @GITHUB",
                    "TEAM", "@acme/payments @CODEOWNERS"));
        });
        assertThat(messages()).containsExactly("GitHub: read the metadata of acme/shop");
    }

    @Test
    void shouldFlagAnArchivedRepositoryWithoutReleases() throws Exception {
        github.repositoryFixtures("acme/legacy", "repository-archived.json");
        github.getError("/repos/acme/legacy/releases/latest", 404, "error-404.json");
        github.getError("/repos/acme/legacy/contents/CODEOWNERS", 404, "error-404.json");
        github.getError("/repos/acme/legacy/contents/docs/CODEOWNERS", 404, "error-404.json");

        RepositoryFacts facts = source().read(GitHubStub.repository("acme/legacy"), log).orElseThrow();

        assertThat(facts.values().get(MetadataField.ARCHIVED).value()).isEqualTo("true");
        assertThat(facts.values().get(MetadataField.VISIBILITY).value()).isEqualTo("public");
        assertThat(facts.values()).containsEntry(MetadataField.LATEST_RELEASE,
                new RepositoryFacts.Value(null, MetadataSource.GITHUB)).doesNotContainKey(MetadataField.TEAM);
        assertThat(messages()).contains("GitHub: the repository has no CODEOWNERS file");
    }

    @Test
    void shouldKeepWhatItReadWhenPartsAreForbidden() throws Exception {
        github.repositoryFixtures("acme/shop", "repository.json");
        github.getError("/repos/acme/shop/topics", 403, "error-403.json");
        github.getError("/repos/acme/shop/contents/CODEOWNERS", 401, "error-401.json");

        RepositoryFacts facts = source().read(GitHubStub.repository("acme/shop"), log).orElseThrow();

        assertThat(facts.values()).containsKeys(MetadataField.DESCRIPTION, MetadataField.LATEST_RELEASE)
                .doesNotContainKeys(MetadataField.TOPICS, MetadataField.TEAM);
        assertThat(messages()).anySatisfy(message -> assertThat(message).startsWith(
                "warning: GitHub: could not read the topics: GitHub denied access (403 Forbidden)")
                .contains("GitHub said: Resource not accessible by integration"));
        assertThat(messages()).anySatisfy(message -> assertThat(message).startsWith(
                "warning: GitHub: could not read CODEOWNERS: GitHub refused the credentials (401 Unauthorized)"));
    }

    @Test
    void shouldSayWhatItCouldNotReadWhenTheRepositoryIsMissingOrGitHubIsDown() throws Exception {
        github.getError("/repos/acme/gone", 404, "error-404.json");
        var down = new GitHubMetadataSource(GitHubConnection.open(GitHubSettings.forApi(
                "http://127.0.0.1:" + GitHubStub.closedPort() + "/api/v3"), GitHubToken.of(TOKEN)));

        assertThat(source().read(GitHubStub.repository("acme/gone"), log)).isEmpty();
        assertThat(down.read(GitHubStub.repository("acme/shop"), log)).isEmpty();

        assertThat(messages()).hasSize(2);
        assertThat(messages().get(0)).contains("GitHub found no the repository acme/gone (404 Not Found)");
        assertThat(messages().get(1)).contains("Cannot reach GitHub at http://127.0.0.1:",
                "the connection was refused");
        assertThat(messages()).allSatisfy(message -> assertThat(message).doesNotContain(TOKEN));
    }

    @Test
    void shouldNeverSendTheTokenForARepositoryOnAnotherHost() throws Exception {
        Optional<RepositoryFacts> github = source().read("https://github.com/acme/shop", log);
        Optional<RepositoryFacts> other = source().read("git@gitlab.example.com:acme/shop.git", log);
        Optional<RepositoryFacts> notARepository = source().read("not a repository", log);

        assertThat(List.of(github, other, notARepository)).allSatisfy(facts -> assertThat(facts).isEmpty());
        assertThat(this.github.server.getAllServeEvents()).isEmpty();
        assertThat(messages().get(0)).isEqualTo("warning: GitHub: github.com/acme/shop is not on the configured "
                + "GitHub API " + this.github.apiUrl() + "; its metadata was not read");
    }

    @Test
    void shouldAskForTheRepositoryByItsFullName() throws Exception {
        github.repositoryFixtures("acme/shop", "repository.json");

        source().read("git@127.0.0.1:acme/shop.git", log);

        github.server.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/repos/acme/shop")));
    }

    private GitHubMetadataSource source() throws GitHubException {
        return new GitHubMetadataSource(github.connect(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<String> messages() {
        return log.messages().stream().map(ReportLog.Message::toString).toList();
    }

    private static Map<String, String> values(RepositoryFacts facts) {
        Map<String, String> values = new java.util.HashMap<>();
        facts.values().forEach((field, value) -> values.put(field.name(), value.value() + " @" + value.source()));
        return values;
    }
}
