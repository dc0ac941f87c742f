package io.jenkins.plugins.securitycatalogue.github;

/**
 * What authenticates the calls to GitHub. Asked once per request, so that an implementation can hand out
 * short-lived tokens (a GitHub App installation token in the plugin). Implementations must never put the secret in
 * {@code toString()}, a log or an exception message.
 */
@FunctionalInterface
public interface GitHubCredentials {
    /**
     * Returns the value of the {@code Authorization} header, for example {@code Bearer <token>}.
     *
     * @throws GitHubException if the credentials cannot be obtained now
     */
    String authorization() throws GitHubException;
}
