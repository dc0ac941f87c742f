package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends requests to GitHub: the one place that sets the credentials, the timeouts and the API version, and that
 * keeps to the rate limit. A request refused by a rate limit is sent again once the limit resets, if that is within
 * the longest wait; otherwise it fails at once. Once a response says no request is left, the next request waits or
 * fails before it is sent, so the limit is never hammered.
 */
final class GitHubTransport {
    private static final Logger LOGGER = Logger.getLogger(GitHubTransport.class.getName());
    private static final int ATTEMPTS = 3;

    private final GitHubSettings settings;
    private final GitHubCredentials credentials;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    @CheckForNull
    private Instant exhaustedUntil;

    GitHubTransport(GitHubSettings settings, GitHubCredentials credentials, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    GitHubSettings settings() {
        return settings;
    }

    /**
     * Sends the request and returns the response, whatever its status, unless a rate limit or the network stops it.
     *
     * @param headers extra headers; the credentials and the API version are added here
     * @param what what is read or written, for messages
     */
    HttpAnswer send(String method, URI uri, Map<String, String> headers, @CheckForNull byte[] body, String what)
            throws GitHubException {
        requireApiHost(uri);
        for (int attempt = 1; ; attempt++) {
            awaitExhaustedLimit(what);
            HttpAnswer answer = exchange(method, uri, headers, body, what);
            RateLimit limit = RateLimit.of(answer, clock.instant());
            note(limit);
            if (!limit.limited()) {
                return answer;
            }
            Duration wait = limit.waitFrom(clock.instant());
            if (attempt == ATTEMPTS || wait.compareTo(settings.maxRateLimitWait()) > 0) {
                throw GitHubErrors.rateLimited(limit, clock.instant(), settings.maxRateLimitWait(), what);
            }
            LOGGER.log(Level.INFO, "GitHub rate limit reached while reading {0}; waiting {1} s",
                    new Object[] {what, wait.toSeconds()});
            sleep(wait, what);
        }
    }

    /** Refuses to send the credentials to any host but the API's. */
    private void requireApiHost(URI uri) throws GitHubException {
        URI api = settings.apiUrl();
        if (!api.getScheme().equalsIgnoreCase(uri.getScheme()) || !api.getHost().equalsIgnoreCase(uri.getHost())
                || api.getPort() != uri.getPort()) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 0, "GitHub pointed to " + uri.getScheme()
                    + "://" + uri.getHost() + ", which is not the API at " + api + "; the credentials were not sent");
        }
    }

    private synchronized void note(RateLimit limit) {
        if (limit.exhausted() && limit.resetAt() != null && !limit.limited()) {
            exhaustedUntil = limit.resetAt();
        }
        else if (!limit.exhausted()) {
            exhaustedUntil = null;
        }
    }

    private void awaitExhaustedLimit(String what) throws GitHubException {
        Instant until;
        synchronized (this) {
            until = exhaustedUntil;
        }
        if (until == null || !until.isAfter(clock.instant())) {
            return;
        }
        RateLimit limit = new RateLimit(true, true, until, null);
        Duration wait = limit.waitFrom(clock.instant());
        if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
            throw GitHubErrors.rateLimited(limit, clock.instant(), settings.maxRateLimitWait(), what);
        }
        sleep(wait, what);
    }

    private void sleep(Duration wait, String what) throws GitHubException {
        try {
            sleeper.sleep(wait);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.NETWORK, 0, "Interrupted while waiting for GitHub's "
                    + "rate limit to reset for " + what, exception);
        }
    }

    private HttpAnswer exchange(String method, URI uri, Map<String, String> headers, @CheckForNull byte[] body,
            String what) throws GitHubException {
        HttpRequest request = request(method, uri, headers, body);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = future.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
        }
        catch (TimeoutException exception) {
            future.cancel(true);
            throw GitHubErrors.timeout(settings.apiUrl(), settings.readTimeout(), what);
        }
        catch (ExecutionException exception) {
            Throwable cause = exception.getCause();
            IOException io = cause instanceof IOException failure ? failure : new IOException(cause);
            throw GitHubErrors.network(io, settings.apiUrl(), settings.readTimeout(), what);
        }
        catch (InterruptedException exception) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.NETWORK, 0, "Interrupted while reading " + what,
                    exception);
        }
    }

    private HttpRequest request(String method, URI uri, Map<String, String> headers, @CheckForNull byte[] body)
            throws GitHubException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "security-catalogue")
                .header("Authorization", credentials.authorization());
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization") && !isRestricted(name)) {
                builder.setHeader(name, value);
            }
        });
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method, publisher).build();
    }

    private static boolean isRestricted(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Host")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Expect")
                || name.equalsIgnoreCase("Upgrade");
    }
}
