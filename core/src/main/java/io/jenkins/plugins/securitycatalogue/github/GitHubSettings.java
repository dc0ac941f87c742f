package io.jenkins.plugins.securitycatalogue.github;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where GitHub's REST API is and how patiently to call it.
 *
 * @param apiUrl the API's base URL: {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
 *     Enterprise Server
 * @param connectTimeout the longest time to open a connection
 * @param readTimeout the longest time for one whole request and response
 * @param maxRateLimitWait the longest time to wait for the rate limit to reset; beyond it the call fails
 * @param maxPages the most pages (of 100 items) read from one list, so that one huge list cannot run forever
 */
public record GitHubSettings(URI apiUrl, Duration connectTimeout, Duration readTimeout, Duration maxRateLimitWait,
        int maxPages) {
    /** The API of github.com. */
    public static final String GITHUB_COM_API = "https://api.github.com";

    /**
     * Validates the settings and removes a trailing slash from the URL.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public GitHubSettings {
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("The GitHub API URL must be an absolute http or https URL, got '"
                    + apiUrl + "'");
        }
        if (apiUrl.getUserInfo() != null || apiUrl.getQuery() != null) {
            throw new IllegalArgumentException("The GitHub API URL must have no user, password or query");
        }
        String text = apiUrl.toString();
        apiUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("The longest rate-limit wait must not be negative");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("At least one page must be read, got " + maxPages);
        }
    }

    /**
     * Returns the defaults for an API URL: connect within 10 s, answer within 30 s, wait at most 60 s for the rate
     * limit, read at most 100 pages (10,000 items) of a list.
     */
    public static GitHubSettings forApi(String apiUrl) {
        return new GitHubSettings(URI.create(apiUrl.strip()), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 100);
    }

    /** Returns these settings with other timeouts. */
    public GitHubSettings withTimeouts(Duration connect, Duration read) {
        return new GitHubSettings(apiUrl, connect, read, maxRateLimitWait, maxPages);
    }

    /** Returns these settings with another longest rate-limit wait. */
    public GitHubSettings withMaxRateLimitWait(Duration wait) {
        return new GitHubSettings(apiUrl, connectTimeout, readTimeout, wait, maxPages);
    }

    /** Returns these settings with another page limit. */
    public GitHubSettings withMaxPages(int pages) {
        return new GitHubSettings(apiUrl, connectTimeout, readTimeout, maxRateLimitWait, pages);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The " + what + " must be positive, got " + duration);
        }
    }
}
