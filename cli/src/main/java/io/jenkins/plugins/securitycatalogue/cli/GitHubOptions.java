package io.jenkins.plugins.securitycatalogue.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.GitHubSettings;
import io.jenkins.plugins.securitycatalogue.github.GitHubToken;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How to reach GitHub. The token comes from an environment variable or a file, never from an argument: arguments
 * show in every user's process list.
 */
final class GitHubOptions {
    @Option(names = "--github-token-env", paramLabel = "VAR",
            description = "The environment variable that holds the GitHub token (not the token itself).")
    String tokenVariable;

    @Option(names = "--github-token-file", paramLabel = "FILE",
            description = "A file whose first line is the GitHub token.")
    Path tokenFile;

    @Option(names = "--github-api-url", paramLabel = "URL",
            description = "GitHub's API URL: https://api.github.com (default for github.com repositories) or "
                    + "https://HOST/api/v3 for GitHub Enterprise Server (default for other hosts).")
    String apiUrl;

    @Option(names = "--github-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The longest time for one GitHub call (default: ${DEFAULT-VALUE}); connecting may take "
                    + "at most 10 s.")
    int timeoutSeconds;

    @Option(names = "--github-max-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest time to wait for GitHub's rate limit to reset (default: ${DEFAULT-VALUE}); "
                    + "beyond it the call fails.")
    int maxWaitSeconds;

    /** Returns whether a token was given. */
    boolean enabled() {
        return tokenVariable != null || tokenFile != null;
    }

    /**
     * Opens a connection to the API given, or else the one of the repository's host, or else github.com.
     *
     * @throws IllegalArgumentException if the token options are wrong or the token cannot be read
     */
    GitHubConnection connect(@CheckForNull RepositoryCoordinates repository) throws GitHubException {
        String api = apiUrl != null ? apiUrl
                : repository != null ? repository.defaultApiUrl() : GitHubSettings.GITHUB_COM_API;
        GitHubSettings settings = GitHubSettings.forApi(api)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .withMaxRateLimitWait(Duration.ofSeconds(Math.max(0, maxWaitSeconds)));
        return GitHubConnection.open(settings, token());
    }

    private GitHubToken token() {
        if (tokenVariable != null && tokenFile != null) {
            throw new IllegalArgumentException("Give either --github-token-env or --github-token-file, not both");
        }
        if (tokenVariable != null) {
            return GitHubToken.fromEnvironment(tokenVariable, System.getenv());
        }
        if (tokenFile != null) {
            return GitHubToken.fromFile(tokenFile);
        }
        throw new IllegalArgumentException("A GitHub token is needed: give --github-token-env VAR or "
                + "--github-token-file FILE");
    }

    /**
     * Reads a repository address.
     *
     * @throws IllegalArgumentException if it is not a repository address
     */
    static RepositoryCoordinates repository(String address) {
        return RepositoryCoordinates.parse(address).orElseThrow(() -> new IllegalArgumentException("'" + address
                + "' is not a repository address such as https://github.com/OWNER/NAME"));
    }
}
