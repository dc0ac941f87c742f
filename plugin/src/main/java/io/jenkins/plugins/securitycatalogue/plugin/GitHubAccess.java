package io.jenkins.plugins.securitycatalogue.plugin;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.security.ACL;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubCredentials;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.GitHubMetadataSource;
import io.jenkins.plugins.securitycatalogue.github.GitHubSettings;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryMetadataSource;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The GitHub connection the global configuration names: its API URL and a credential that only administrators
 * choose. The credential is looked up as the system, at the root of Jenkins, because it belongs to the
 * configuration and not to any job; nothing here ever shows its secret.
 */
final class GitHubAccess {
    private GitHubAccess() {
    }

    /**
     * Opens the configured connection.
     *
     * @return the connection, or empty when no GitHub credential is configured
     * @throws GitHubException if the configuration cannot be used (bad URL, missing or unusable credential)
     */
    static Optional<GitHubConnection> configured() throws GitHubException {
        SecurityCatalogueConfiguration configuration = SecurityCatalogueConfiguration.get();
        if (Util.fixEmptyAndTrim(configuration.getGithubCredentialsId()) == null) {
            return Optional.empty();
        }
        return Optional.of(open(configuration.getGithubApiUrl(), configuration.getGithubCredentialsId()));
    }

    /**
     * Opens a connection to the API with the credential.
     *
     * @throws GitHubException if the URL is not an API URL or the credential is missing or of a kind GitHub cannot use
     */
    static GitHubConnection open(@CheckForNull String apiUrl, String credentialsId) throws GitHubException {
        GitHubSettings settings;
        try {
            settings = GitHubSettings.forApi(apiUrlOrDefault(apiUrl));
        }
        catch (IllegalArgumentException exception) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 0, exception.getMessage());
        }
        return GitHubConnection.open(settings, credentials(credentialsId));
    }

    /** Returns the API URL, or github.com's when none is given. */
    static String apiUrlOrDefault(@CheckForNull String apiUrl) {
        String url = Util.fixEmptyAndTrim(apiUrl);
        return url == null ? GitHubSettings.GITHUB_COM_API : url;
    }

    /**
     * Returns what authenticates the calls for the credential.
     *
     * @throws GitHubException if there is no such credential, or none of the installed kinds can use it
     */
    static GitHubCredentials credentials(String credentialsId) throws GitHubException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        StandardCredentials credentials = id == null ? null : CredentialsProvider.findCredentialByIdInItemGroup(id,
                StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (credentials == null) {
            throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, 0, Messages.GitHub_NoCredentials(
                    Util.fixNull(id)));
        }
        for (GitHubCredentialsType type : GitHubCredentialsType.all()) {
            GitHubCredentials github = type.toGitHub(credentials);
            if (github != null) {
                return github;
            }
        }
        throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, 0, Messages.GitHub_UnsupportedCredentials(id));
    }

    /**
     * Returns a metadata source that reads only repositories on the connection's GitHub, and says so (as
     * information, not as a warning) for the others: a Jenkins that knows one GitHub also builds code kept
     * elsewhere.
     */
    static RepositoryMetadataSource metadataSource(GitHubConnection connection) {
        GitHubMetadataSource github = new GitHubMetadataSource(connection);
        return (repository, log) -> {
            Optional<RepositoryCoordinates> coordinates = RepositoryCoordinates.parse(repository);
            if (coordinates.isEmpty() || !connection.serves(coordinates.get().host())) {
                log.info("GitHub: the repository is not on the configured GitHub %s; its metadata was not read",
                        connection.settings().apiUrl());
                return Optional.empty();
            }
            return github.read(repository, log);
        };
    }
}
