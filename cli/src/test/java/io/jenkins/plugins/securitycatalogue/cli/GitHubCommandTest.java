package io.jenkins.plugins.securitycatalogue.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub options and commands end to end, against a GitHub-like API served by WireMock on loopback. */
class GitHubCommandTest {
    private static final String TOKEN = "ghp_cliTokenThatMustNeverBeShown0123456789";
    private static final String PREFIX = "/api/v3";
    private static final String REPOSITORY = "https://127.0.0.1/acme/shop";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private WireMockServer github;
    private Path tokenFile;

    @BeforeEach
    void start() throws IOException {
        github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        github.start();
        tokenFile = directory.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    @Test
    void shouldFillMetadataFromGitHubWhenRecordingAndShowWhereItCameFrom() throws Exception {
        stubRepository();

        Result recorded = run("record", "--service", "shop", "--version", "2.4.1", "--tier", "tier-1",
                "--repository", REPOSITORY, "--github-token-file", tokenFile.toString(), "--github-api-url", api());
        Result text = run("service", "shop");
        JsonNode json = JSON.readTree(run("service", "shop", "--json").out);

        assertThat(recorded.code).isZero();
        assertThat(recorded.out).contains("GitHub: read the metadata of acme/shop");
        assertThat(text.out).contains("team:        @acme/payments", "description: The shop's checkout and payment API",
                "topics:      payments, checkout, java", "visibility:  internal", "release:     v2.4.1", "sources:",
                "team            codeowners", "tier            pipeline", "latest-release  github");
        assertThat(json.at("/summary/archived").asBoolean()).isFalse();
        assertThat(json.at("/repository/defaultBranch").asText()).isEqualTo("main");
        assertThat(json.at("/repository/sources")).extracting(source -> source.get("field").asText() + "="
                + source.get("source").asText()).contains("team=codeowners", "repository=pipeline",
                        "language=github");
        assertThat(recorded.out + recorded.err + text.out).doesNotContain(TOKEN);
    }

    @Test
    void shouldRecordWhatItHasWhenGitHubCannotBeReached() {
        Result recorded = run("record", "--service", "shop", "--team", "payments", "--repository", REPOSITORY,
                "--github-token-file", tokenFile.toString(), "--github-api-url",
                "http://127.0.0.1:" + closedPort() + PREFIX);

        assertThat(recorded.code).isZero();
        assertThat(recorded.err).contains("warning: GitHub: could not read the repository's metadata: Cannot reach "
                + "GitHub at http://127.0.0.1:", "the connection was refused");
        assertThat(run("service", "shop").out).contains("team:        payments");
    }

    @Test
    void shouldTakeTheTokenOnlyFromAVariableOrAFile() {
        Result argument = run("record", "--service", "shop", "--github-token", TOKEN);
        Result unset = run("record", "--service", "shop", "--github-token-env", "NO_SUCH_VARIABLE_FOR_THIS_TEST");

        assertThat(argument.code).isEqualTo(Main.USAGE);
        assertThat(argument.err).contains("Unknown option: '--github-token'", "--github-token-env")
                .doesNotContain(TOKEN);
        assertThat(unset.code).isEqualTo(Main.USAGE);
        assertThat(unset.err).contains("The environment variable NO_SUCH_VARIABLE_FOR_THIS_TEST that should hold "
                + "the GitHub token is not set or empty");
    }

    @Test
    void shouldImportAlertsAsScansAndRecordWhatCouldBeRead() throws Exception {
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/dependabot/alerts"))
                .willReturn(json(200, "dependabot-alerts.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/code-scanning/alerts"))
                .willReturn(json(403, "error-code-scanning-disabled.json")));

        Result partial = alerts();
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/code-scanning/alerts"))
                .willReturn(json(200, "code-scanning-alerts-page-1.json")));
        JsonNode full = JSON.readTree(alerts("--json").out);

        assertThat(partial.code).isEqualTo(GitHubCommand.GITHUB);
        assertThat(partial.err).contains("error: GitHub code scanning: GitHub denied access (403 Forbidden)",
                "Advanced Security must be enabled");
        assertThat(partial.out).contains("Dependabot: 4 alerts, 2 new, 0 reopened, 0 still open, 0 fixed, "
                + "2 dismissed");
        assertThat(full.at("/recording/tools")).extracting(tool -> tool.get("tool").asText() + " "
                + tool.get("findings").asInt()).containsExactly("Dependabot 4", "GitHub code scanning 2");
        assertThat(full.at("/failures").size()).isZero();
        assertThat(full.at("/recording/log")).extracting(message -> message.get("text").asText())
                .contains("Dependabot: 5 alerts read from GitHub, 1 of them fixed");
        assertThat(run("service", "shop").out).contains("CVE-2020-36518", "java/sql-injection");
    }

    @Test
    void shouldFileAnActionItemAsAnIssueAndRefreshItsState() throws Exception {
        assertThat(run("incident", "import", Path.of("..", "examples", "post-mortems",
                "2018-gentoo-github-organisation.md").toString()).code).isZero();
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).willReturn(json(200, "repository.json")));
        github.stubFor(post(urlPathEqualTo(PREFIX + "/repos/acme/shop/issues"))
                .willReturn(json(201, "issue-created.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/issues/1347"))
                .willReturn(json(200, "issue-closed-completed.json")));

        Result filed = run("incident", "action-to-issue", "INC-2018-001", "--item", "2", "--labels",
                "post-mortem,security", "--repository", REPOSITORY, "--base-url", "https://ci.example.org/incidents/",
                "--github-token-file", tokenFile.toString(), "--github-api-url", api());
        Result refreshed = run("incident", "refresh-issues", "INC-2018-001", "--github-token-file",
                tokenFile.toString(), "--github-api-url", api());
        Result elsewhere = run("incident", "refresh-issues", "INC-2018-001", "--json", "--github-token-file",
                tokenFile.toString(), "--github-api-url", "http://127.0.0.2:1" + PREFIX);

        assertThat(filed.code).isZero();
        assertThat(filed.out)
                .contains("Filed action item 2 of INC-2018-001 as https://127.0.0.1/acme/shop/issues/1347");
        assertThat(refreshed.code).isZero();
        assertThat(refreshed.out).contains("item 2: issue closed (completed) -> done (was open)");
        assertThat(run("incident", "show", "INC-2018-001").out).contains("https://127.0.0.1/acme/shop/issues/1347");
        assertThat(elsewhere.code).isEqualTo(GitHubCommand.GITHUB);
        assertThat(JSON.readTree(elsewhere.out).at("/items/0/problem").asText())
                .contains("not on the configured GitHub API");
        assertThat(filed.out + filed.err + refreshed.out + refreshed.err).doesNotContain(TOKEN);
    }

    private Result alerts(String... more) {
        List<String> args = new ArrayList<>(List.of("github", "alerts", "--service", "shop", "--repository",
                REPOSITORY, "--github-token-file", tokenFile.toString(), "--github-api-url", api()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private void stubRepository() {
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).willReturn(json(200, "repository.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/topics")).willReturn(json(200, "topics.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/releases/latest"))
                .willReturn(json(200, "release-latest.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/contents/.github/CODEOWNERS"))
                .willReturn(json(404, "error-404.json")));
        github.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/contents/CODEOWNERS"))
                .willReturn(json(200, "codeowners-content.json")));
    }

    private String api() {
        return "http://127.0.0.1:" + github.port() + PREFIX;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String name) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-remaining", "4999").withBody(fixture(name));
    }

    private static String fixture(String name) {
        try (InputStream in = GitHubCommandTest.class.getResourceAsStream("github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--catalogue");
        all.add(directory.resolve("db").toString());
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
