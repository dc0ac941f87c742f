package io.jenkins.plugins.securitycatalogue.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub Enterprise-like API served by WireMock on the loopback interface, answering with the fixtures of this
 * package. The repositories it serves are {@code https://127.0.0.1/OWNER/NAME}.
 */
final class GitHubStub implements AutoCloseable {
    /** A token that must never show up anywhere. */
    static final String TOKEN = "ghp_s3cr3tT0kenThatMustNeverBeShown0123456789";
    /** The API's path prefix, as on GitHub Enterprise Server. */
    static final String PREFIX = "/api/v3";
    /** The fixed time of the tests. */
    static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");

    final WireMockServer server;
    final List<Duration> sleeps = new ArrayList<>();

    GitHubStub() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    /** Returns the API URL. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + PREFIX;
    }

    /** Returns the web address of a repository served here. */
    static String repository(String fullName) {
        return "https://127.0.0.1/" + fullName;
    }

    /** Returns settings with short timeouts for the stub. */
    GitHubSettings settings() {
        return GitHubSettings.forApi(apiUrl()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** Opens a connection with the test token, a fixed clock and a sleeper that only records. */
    GitHubConnection connect(GitHubSettings settings) throws GitHubException {
        return GitHubConnection.open(settings, GitHubToken.of(TOKEN), Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                sleeps::add);
    }

    GitHubConnection connect() throws GitHubException {
        return connect(settings());
    }

    /** Answers GET of the path (below the prefix) with the fixture and status 200. */
    void getJson(String path, String fixture) {
        server.stubFor(get(urlPathEqualTo(PREFIX + path)).willReturn(json(200, fixture)));
    }

    /** Answers GET of the path with an error fixture and status. */
    void getError(String path, int status, String fixture) {
        server.stubFor(get(urlPathEqualTo(PREFIX + path)).willReturn(json(status, fixture)));
    }

    /** Returns a JSON response with a fixture and the usual rate-limit headers. */
    static ResponseDefinitionBuilder json(int status, String fixture) {
        return json(status, fixture, 4990, NOW.plusSeconds(3600));
    }

    /** Returns a JSON response with a fixture and rate-limit headers saying what is left until when. */
    static ResponseDefinitionBuilder json(int status, String fixture, int remaining, Instant reset) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", Integer.toString(remaining))
                .withHeader("x-ratelimit-used", Integer.toString(5000 - remaining))
                .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withHeader("x-ratelimit-resource", "core")
                .withBody(fixture(fixture));
    }

    /** Answers the metadata calls of a repository with the fixtures. */
    void repositoryFixtures(String fullName, String repositoryFixture) {
        getJson("/repos/" + fullName, repositoryFixture);
        getJson("/repos/" + fullName + "/topics", "topics.json");
        getJson("/repos/" + fullName + "/releases/latest", "release-latest.json");
        getError("/repos/" + fullName + "/contents/.github/CODEOWNERS", 404, "error-404.json");
        getJson("/repos/" + fullName + "/contents/CODEOWNERS", "codeowners-content.json");
    }

    /** Reads a fixture of this package. */
    static String fixture(String name) {
        try (InputStream in = GitHubStub.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Returns a loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
