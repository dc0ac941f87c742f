package io.jenkins.plugins.securitycatalogue.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLException;

/** Turns failed calls into {@link GitHubException}s whose messages say what to do, never naming a token. */
final class GitHubErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_GITHUB_MESSAGE = 300;

    private GitHubErrors() {
    }

    /** Returns the exception for an error status; {@code what} names what was being read or written. */
    static GitHubException forStatus(int status, @CheckForNull String body, String what) {
        String said = githubMessage(body);
        String suffix = said == null ? "" : " GitHub said: " + said;
        return switch (status) {
            case 401 -> new GitHubException(GitHubException.Kind.UNAUTHORIZED, status, "GitHub refused the "
                    + "credentials (401 Unauthorized) for " + what + ": the token is missing, wrong, expired or "
                    + "revoked." + suffix);
            case 403 -> new GitHubException(GitHubException.Kind.FORBIDDEN, status, "GitHub denied access (403 "
                    + "Forbidden) to " + what + ": the token lacks a permission or scope for it, or the feature "
                    + "is not enabled for the repository." + suffix);
            case 404 -> new GitHubException(GitHubException.Kind.NOT_FOUND, status, "GitHub found no " + what
                    + " (404 Not Found): check the repository URL and the API URL; a private repository also "
                    + "looks like this to a token that cannot read it." + suffix);
            default -> new GitHubException(GitHubException.Kind.UNEXPECTED, status, "GitHub answered " + status
                    + " for " + what + "." + suffix);
        };
    }

    /** Returns the exception for a rate limit that will not reset within the longest wait. */
    static GitHubException rateLimited(RateLimit limit, Instant now, Duration maxWait, String what) {
        Duration wait = limit.waitFrom(now);
        String when = limit.retryAfter() == null && limit.resetAt() != null
                ? "until " + TIME.format(limit.resetAt()) + " (" + seconds(wait) + ")" : "for " + seconds(wait);
        return new GitHubException(GitHubException.Kind.RATE_LIMITED, 429, "GitHub's API rate limit is used up "
                + when + ", longer than the longest wait of " + seconds(maxWait) + ", so " + what
                + " was not read; try again later or use a token with a higher limit.");
    }

    /** Returns the exception for a call that got no answer. */
    static GitHubException network(IOException cause, URI apiUrl, Duration readTimeout, String what) {
        String reason;
        if (cause instanceof HttpTimeoutException) {
            reason = "it did not answer within the timeout";
        }
        else if (cause instanceof ConnectException) {
            reason = "the connection was refused";
        }
        else if (cause instanceof UnknownHostException) {
            reason = "its host name is not known";
        }
        else if (cause instanceof SSLException) {
            reason = "the TLS handshake failed (" + cause.getClass().getSimpleName() + ")";
        }
        else {
            reason = cause.getClass().getSimpleName();
        }
        return new GitHubException(GitHubException.Kind.NETWORK, 0, "Cannot reach GitHub at " + apiUrl + " for "
                + what + ": " + reason + " (read timeout " + seconds(readTimeout) + "); check the API URL, the "
                + "network and any proxy.", cause);
    }

    /** Returns the exception for a call that did not answer within the read timeout. */
    static GitHubException timeout(URI apiUrl, Duration readTimeout, String what) {
        return new GitHubException(GitHubException.Kind.NETWORK, 0, "GitHub at " + apiUrl + " did not answer "
                + "within " + seconds(readTimeout) + " for " + what + "; try again later.");
    }

    @CheckForNull
    private static String githubMessage(@CheckForNull String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode message = JSON.readTree(body).path("message");
            return message.isTextual() ? Texts.clean(message.asText(), MAX_GITHUB_MESSAGE) : null;
        }
        catch (IOException exception) {
            return null;
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
