package io.jenkins.plugins.securitycatalogue.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * A GitHub Enterprise-like REST API served by WireMock on 127.0.0.1 with the fixtures of the {@code github}
 * resource folder (copied from core's tests, see its PROVENANCE.md). Its repositories are
 * {@code https://127.0.0.1/OWNER/NAME}. Nothing here reaches any other host.
 */
final class FakeGitHub implements AutoCloseable {
    /** A token that must never show up in a console, a page or a message. */
    static final String TOKEN = "ghp_pluginT3stTokenThatMustNeverBeShown012345";
    /** The id of the Secret text credential that holds the token. */
    static final String CREDENTIALS_ID = "github-token";
    /** The API's path prefix, as on GitHub Enterprise Server. */
    static final String PREFIX = "/api/v3";

    final WireMockServer server;

    FakeGitHub() {
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

    /** Stores the token as a global Secret text credential and points the configuration at this server. */
    FakeGitHub configure() throws IOException {
        addTokenCredential();
        configure(apiUrl());
        return this;
    }

    /** Stores the token as a global Secret text credential. */
    static void addTokenCredential() throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID,
                "GitHub token for the tests", Secret.fromString(TOKEN)));
        provider.save();
    }

    /** Points the configuration at an API URL with the test credential. */
    static void configure(String apiUrl) {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();
        configuration.setGithubApiUrl(apiUrl);
        configuration.setGithubCredentialsId(CREDENTIALS_ID);
    }

    /** Answers GET of the path (below the prefix) with the fixture and status 200. */
    void getJson(String path, String fixture) {
        server.stubFor(get(urlPathEqualTo(PREFIX + path)).willReturn(json(200, fixture)));
    }

    /** Answers GET of the path with an error fixture and status. */
    void getError(String path, int status, String fixture) {
        server.stubFor(get(urlPathEqualTo(PREFIX + path)).willReturn(json(status, fixture)));
    }

    /** Answers POST of the path with the fixture and status. */
    void postJson(String path, int status, String fixture) {
        server.stubFor(post(urlPathEqualTo(PREFIX + path)).willReturn(json(status, fixture)));
    }

    /** Answers the metadata calls of a repository: repository, topics, latest release and CODEOWNERS. */
    void repositoryFixtures(String fullName) {
        getJson("/repos/" + fullName, "repository.json");
        getJson("/repos/" + fullName + "/topics", "topics.json");
        getJson("/repos/" + fullName + "/releases/latest", "release-latest.json");
        getError("/repos/" + fullName + "/contents/.github/CODEOWNERS", 404, "error-404.json");
        getJson("/repos/" + fullName + "/contents/CODEOWNERS", "codeowners-content.json");
    }

    /** Answers the code scanning alerts in two pages linked by a {@code Link: rel="next"} header. */
    void codeScanningInTwoPages(String fullName) {
        String path = PREFIX + "/repos/" + fullName + "/code-scanning/alerts";
        String next = "http://127.0.0.1:" + server.port() + path + "?per_page=100&page=2";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, "code-scanning-alerts-page-2.json")));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent())
                .willReturn(json(200, "code-scanning-alerts-page-1.json")
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")));
    }

    /** Returns a JSON response with a fixture and the rate-limit headers GitHub sends. */
    static ResponseDefinitionBuilder json(int status, String fixture) {
        Instant reset = Instant.now().plusSeconds(3600);
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "4990")
                .withHeader("x-ratelimit-used", "10")
                .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withHeader("x-ratelimit-resource", "core")
                .withBody(fixture(fixture));
    }

    /** Reads a fixture. */
    static String fixture(String name) {
        try (InputStream in = FakeGitHub.class.getResourceAsStream("github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Returns an API URL on a loopback port nothing listens on: GitHub unreachable. */
    static String unreachableApiUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + PREFIX;
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
