package io.jenkins.plugins.securitycatalogue.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * A connection to one GitHub API (github.com or a GitHub Enterprise server) with one set of credentials. Typed
 * calls go through GitHub API for Java; the endpoints it has no classes for (code scanning and Dependabot alerts in
 * 1.330) are called directly. Both share one {@link GitHubTransport}: the same credentials, timeouts and rate-limit
 * handling. Every failure is a {@link GitHubException} with a clear message.
 */
public final class GitHubConnection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final GitHubTransport transport;
    private final GitHub library;

    private GitHubConnection(GitHubTransport transport, GitHub library) {
        this.transport = transport;
        this.library = library;
    }

    /**
     * Opens a connection; nothing is sent until the first call.
     *
     * @throws GitHubException if the library cannot be set up
     */
    public static GitHubConnection open(GitHubSettings settings, GitHubCredentials credentials)
            throws GitHubException {
        return open(settings, credentials, Clock.systemUTC(), Sleeper.THREAD);
    }

    static GitHubConnection open(GitHubSettings settings, GitHubCredentials credentials, Clock clock,
            Sleeper sleeper) throws GitHubException {
        var transport = new GitHubTransport(settings, credentials, clock, sleeper);
        try {
            GitHub library = new GitHubBuilder()
                    .withEndpoint(settings.apiUrl().toString())
                    .withConnector(new TransportConnector(transport))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            return new GitHubConnection(transport, library);
        }
        catch (IOException exception) {
            throw translate(exception, "the connection");
        }
    }

    /** Returns the settings. */
    public GitHubSettings settings() {
        return transport.settings();
    }

    /**
     * Returns whether the web host (of a repository or an issue) is the one this connection's API serves:
     * {@code github.com} for {@code api.github.com}, the same host for GitHub Enterprise Server, or {@code HOST}
     * for {@code api.HOST}. Credentials are only used for repositories on that host.
     */
    public boolean serves(String webHost) {
        String apiHost = settings().apiUrl().getHost().toLowerCase(java.util.Locale.ROOT);
        String host = webHost.toLowerCase(java.util.Locale.ROOT);
        String bare = host.startsWith("www.") ? host.substring(4) : host;
        return apiHost.equals(bare) || apiHost.equals("api." + bare);
    }

    /**
     * Checks that the API answers and accepts the credentials, with {@code GET /rate_limit}: a call that GitHub does
     * not count against the rate limit and that every kind of token may make.
     *
     * @return how many requests the credentials may still make, of how many, in the current window
     * @throws GitHubException if the API cannot be reached or refuses the credentials
     */
    public Quota check() throws GitHubException {
        JsonNode core = json("GET", "/rate_limit", null, "the rate limit").path("resources").path("core");
        if (!core.path("limit").isInt() || !core.path("remaining").isInt()) {
            throw unexpected("the rate limit", "it has no limit and remaining count");
        }
        return new Quota(core.path("limit").asInt(), core.path("remaining").asInt());
    }

    /**
     * How many requests the credentials may make.
     *
     * @param limit the requests allowed in the current window (an hour)
     * @param remaining the requests left in it
     */
    public record Quota(int limit, int remaining) {
    }

    /** Runs a call of GitHub API for Java and translates its failures. */
    <T> T call(String what, LibraryCall<T> call) throws GitHubException {
        try {
            return call.run(library);
        }
        catch (IOException exception) {
            throw translate(exception, what);
        }
    }

    /** Sends a request directly and returns its JSON, or fails on any status but 2xx. */
    JsonNode json(String method, String path, @CheckForNull JsonNode body, String what) throws GitHubException {
        byte[] bytes = body == null ? null : body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpAnswer answer = transport.send(method, resolve(path), body == null ? Map.of()
                : Map.of("Content-Type", "application/json"), bytes, what);
        return parse(checked(answer, what), what);
    }

    /**
     * Reads every page of a list, following the {@code Link: <...>; rel="next"} headers, up to the page limit.
     *
     * @param path the path and query of the first page, without {@code per_page}
     */
    Pages pages(String path, String what) throws GitHubException {
        List<JsonNode> items = new ArrayList<>();
        URI next = resolve(path + (path.contains("?") ? "&" : "?") + "per_page=100");
        int page = 0;
        while (next != null && page < settings().maxPages()) {
            HttpAnswer answer = checked(transport.send("GET", next, Map.of(), null, what), what);
            JsonNode array = parse(answer, what);
            if (!array.isArray()) {
                throw unexpected(what, "a list was expected");
            }
            array.forEach(items::add);
            next = nextPage(answer.header("link"));
            page++;
        }
        return new Pages(items, next != null);
    }

    /**
     * The items of a list.
     *
     * @param items the items read
     * @param truncated whether more pages were left unread because of the page limit
     */
    record Pages(List<JsonNode> items, boolean truncated) {
    }

    /** A call of GitHub API for Java. */
    @FunctionalInterface
    interface LibraryCall<T> {
        T run(GitHub github) throws IOException;
    }

    private URI resolve(String path) {
        return URI.create(settings().apiUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    @CheckForNull
    private static URI nextPage(@CheckForNull String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        return matcher.find() ? URI.create(matcher.group(1)) : null;
    }

    private static HttpAnswer checked(HttpAnswer answer, String what) throws GitHubException {
        if (answer.status() < 200 || answer.status() > 299) {
            throw GitHubErrors.forStatus(answer.status(), answer.text(), what);
        }
        return answer;
    }

    private static JsonNode parse(HttpAnswer answer, String what) throws GitHubException {
        try {
            return JSON.readTree(answer.body());
        }
        catch (IOException exception) {
            throw unexpected(what, "the answer is not JSON");
        }
    }

    private static GitHubException unexpected(String what, String why) {
        return new GitHubException(GitHubException.Kind.UNEXPECTED, 0, "GitHub's answer for " + what
                + " was not understood: " + why);
    }

    /** Translates a failure of GitHub API for Java. */
    static GitHubException translate(IOException exception, String what) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransportConnector.Failure failure) {
                return failure.failure();
            }
        }
        if (exception instanceof GHFileNotFoundException) {
            return GitHubErrors.forStatus(404, null, what);
        }
        if (exception instanceof HttpException http && http.getResponseCode() > 0) {
            return GitHubErrors.forStatus(http.getResponseCode(), http.getMessage(), what);
        }
        return new GitHubException(GitHubException.Kind.UNEXPECTED, 0, "Reading " + what + " from GitHub failed: "
                + exception.getClass().getSimpleName(), exception);
    }
}
