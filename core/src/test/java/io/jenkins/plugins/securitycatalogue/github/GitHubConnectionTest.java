package io.jenkins.plugins.securitycatalogue.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.NOW;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.PREFIX;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared transport: pagination, rate limits, timeouts, error messages and the secrecy of the token. */
class GitHubConnectionTest {
    private final GitHubStub github = new GitHubStub();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldSendTheTokenAsBearerWithTheApiVersion() throws Exception {
        github.getJson("/repos/acme/shop", "repository.json");

        github.connect().call("the repository", gh -> gh.getRepository("acme/shop"));

        github.server.verify(getRequestedFor(urlPathEqualTo(PREFIX + "/repos/acme/shop"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    @Test
    void shouldCheckTheCredentialsWithTheRateLimitThatCostsNothing() throws Exception {
        github.getJson("/rate_limit", "rate-limit.json");

        assertThat(github.connect().check()).isEqualTo(new GitHubConnection.Quota(5000, 4990));
        github.server.verify(getRequestedFor(urlPathEqualTo(PREFIX + "/rate_limit"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void shouldSayWhenTheCheckIsRefused() throws Exception {
        github.getError("/rate_limit", 401, "error-401.json");

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> github.connect().check());

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("the rate limit").doesNotContain(TOKEN);
    }

    @Test
    void shouldFollowPaginationLinksToTheLastPage() throws Exception {
        stubTwoPages();

        GitHubConnection.Pages pages = github.connect().pages("/repos/acme/shop/code-scanning/alerts", "alerts");

        assertThat(pages.items()).extracting(item -> item.get("number").asInt()).containsExactly(4, 3, 2, 1);
        assertThat(pages.truncated()).isFalse();
        github.server.verify(getRequestedFor(urlPathEqualTo(PREFIX + "/repos/acme/shop/code-scanning/alerts"))
                .withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void shouldStopAtThePageLimitAndSaySo() throws Exception {
        stubTwoPages();

        GitHubConnection.Pages pages = github.connect(github.settings().withMaxPages(1))
                .pages("/repos/acme/shop/code-scanning/alerts", "alerts");

        assertThat(pages.items()).hasSize(2);
        assertThat(pages.truncated()).isTrue();
    }

    @Test
    void shouldNotFollowAPaginationLinkToAnotherHost() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/dependabot/alerts"))
                .willReturn(GitHubStub.json(200, "dependabot-alerts.json").withHeader("Link",
                        "<http://localhost:" + github.server.port() + PREFIX + "/next>; rel=\"next\"")));

        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> github.connect().pages("/repos/acme/shop/dependabot/alerts", "alerts"));

        assertThat(failure.getMessage()).contains("not the API", "the credentials were not sent");
        assertThat(github.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldWaitForTheRateLimitWhenItResetsSoonAndTryAgain() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset")
                .willReturn(rateLimited(NOW.plusSeconds(20).getEpochSecond())));
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).inScenario("limit")
                .whenScenarioStateIs("reset").willReturn(GitHubStub.json(200, "repository.json")));

        var repository = github.connect().call("the repository", gh -> gh.getRepository("acme/shop"));

        assertThat(repository.getDefaultBranch()).isEqualTo("main");
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(21));
    }

    @Test
    void shouldFailClearlyWithoutRetryingWhenTheRateLimitResetsTooLate() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop"))
                .willReturn(rateLimited(NOW.plusSeconds(1800).getEpochSecond())));

        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> github.connect().call("the repository", gh -> gh.getRepository("acme/shop")));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("rate limit is used up until 16:30:00 UTC (1801 s)",
                "longest wait of 60 s", "try again later");
        assertThat(github.sleeps).isEmpty();
        assertThat(github.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldSendNothingMoreOnceTheLimitIsUsedUp() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).willReturn(
                GitHubStub.json(200, "repository.json", 0, NOW.plusSeconds(3000))));
        GitHubConnection connection = github.connect();
        connection.call("the repository", gh -> gh.getRepository("acme/shop"));

        assertThatThrownBy(() -> connection.json("GET", "/repos/acme/shop", null, "the repository again"))
                .isInstanceOf(GitHubException.class).hasMessageContaining("rate limit is used up");
        assertThat(github.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldHonourRetryAfterOfASecondaryRateLimit() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).inScenario("secondary")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(403).withHeader("retry-after", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody(GitHubStub.fixture("error-secondary-rate-limit.json"))));
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop")).inScenario("secondary")
                .whenScenarioStateIs("calm").willReturn(GitHubStub.json(200, "repository.json")));

        github.connect().json("GET", "/repos/acme/shop", null, "the repository");

        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @CsvSource({
        "401, error-401.json, UNAUTHORIZED, 'refused the credentials (401 Unauthorized) for the repository'",
        "403, error-403.json, FORBIDDEN, 'denied access (403 Forbidden) to the repository'",
        "404, error-404.json, NOT_FOUND, 'found no the repository (404 Not Found)'"})
    void shouldExplainErrorsOfBothPaths(int status, String fixture, GitHubException.Kind kind, String message)
            throws Exception {
        github.getError("/repos/acme/shop", status, fixture);
        GitHubConnection connection = github.connect();

        GitHubException library = catchThrowableOfType(GitHubException.class,
                () -> connection.call("the repository", gh -> gh.getRepository("acme/shop")));
        GitHubException direct = catchThrowableOfType(GitHubException.class,
                () -> connection.json("GET", "/repos/acme/shop", null, "the repository"));

        assertThat(List.of(library, direct)).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.getMessage()).contains(message);
        });
        assertThat(direct.getMessage()).contains("GitHub said: ");
    }

    @Test
    void shouldSayWhenGitHubCannotBeReached() throws Exception {
        int port = GitHubStub.closedPort();
        GitHubConnection connection = GitHubConnection.open(
                GitHubSettings.forApi("http://127.0.0.1:" + port + "/api/v3"), GitHubToken.of(TOKEN));

        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> connection.call("the repository", gh -> gh.getRepository("acme/shop")));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.NETWORK);
        assertThat(failure.getMessage()).contains("Cannot reach GitHub at http://127.0.0.1:" + port,
                "connection was refused", "check the API URL");
    }

    @Test
    void shouldGiveUpWhenGitHubDoesNotAnswerInTime() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop"))
                .willReturn(GitHubStub.json(200, "repository.json").withFixedDelay(3000)));
        GitHubConnection connection = github.connect(
                github.settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

        long started = System.nanoTime();
        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> connection.json("GET", "/repos/acme/shop", null, "the repository"));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.NETWORK);
        assertThat(failure.getMessage()).contains("did not answer within 0 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void shouldNeverShowTheTokenInMessagesLogsOrStrings() throws Exception {
        List<String> logged = new ArrayList<>();
        Logger root = Logger.getLogger("");
        Handler handler = capture(logged);
        Level level = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        List<String> messages = new ArrayList<>();
        try {
            for (int status : new int[] {401, 403, 404, 500}) {
                github.server.resetAll();
                github.getError("/repos/acme/shop", status, "error-" + (status == 500 ? 404 : status) + ".json");
                messages.add(failureText(() -> github.connect().call("r", gh -> gh.getRepository("acme/shop"))));
                messages.add(failureText(() -> github.connect().json("GET", "/repos/acme/shop", null, "r")));
            }
            github.server.resetAll();
            github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop"))
                    .willReturn(rateLimited(NOW.plusSeconds(3600).getEpochSecond())));
            messages.add(failureText(() -> github.connect().call("r", gh -> gh.getRepository("acme/shop"))));
            messages.add(failureText(() -> GitHubConnection.open(GitHubSettings.forApi("http://127.0.0.1:"
                    + GitHubStub.closedPort()), GitHubToken.of(TOKEN)).json("GET", "/x", null, "r")));
        }
        finally {
            root.removeHandler(handler);
            root.setLevel(level);
        }

        assertThat(messages).hasSize(10).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN));
        assertThat(logged).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(TOKEN));
        assertThat(GitHubToken.of(TOKEN)).hasToString("GitHubToken[****]");
    }

    private void stubTwoPages() {
        String path = PREFIX + "/repos/acme/shop/code-scanning/alerts";
        String next = "http://127.0.0.1:" + github.server.port() + path + "?per_page=100&page=2";
        github.server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .willReturn(GitHubStub.json(200, "code-scanning-alerts-page-2.json")
                        .withHeader("Link", "<" + next.replace("page=2", "page=1") + ">; rel=\"prev\", <"
                                + next.replace("page=2", "page=1") + ">; rel=\"first\"")));
        github.server.stubFor(get(urlPathEqualTo(path)).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(GitHubStub.json(200, "code-scanning-alerts-page-1.json")
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(long reset) {
        return aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", "5000")
                .withHeader("x-ratelimit-reset", Long.toString(reset))
                .withHeader("x-ratelimit-resource", "core")
                .withBody(GitHubStub.fixture("error-rate-limit.json"));
    }

    private static String failureText(Call call) {
        try {
            call.run();
            return "no failure";
        }
        catch (Exception exception) {
            var text = new StringBuilder();
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                text.append(cause).append('\n');
            }
            return text.toString();
        }
    }

    private static Handler capture(List<String> logged) {
        var formatter = new SimpleFormatter();
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
