package io.jenkins.plugins.securitycatalogue.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.securitycatalogue.github.GitHubCredentials;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import java.util.List;

/**
 * A kind of Jenkins credential that can authenticate the catalogue's calls to GitHub: a Secret text token always, a
 * GitHub App credential when the GitHub Branch Source plugin is installed. Implementations never put the secret in
 * a message or a log.
 */
public abstract class GitHubCredentialsType implements ExtensionPoint {
    /** Returns the credential class offered in the global configuration. */
    public abstract Class<? extends StandardCredentials> type();

    /**
     * Returns what authenticates the calls, if the credential is of this kind.
     *
     * @return the credentials, or {@code null} if the credential is of another kind
     * @throws GitHubException if the credential is of this kind but cannot be used
     */
    @CheckForNull
    public abstract GitHubCredentials toGitHub(StandardCredentials credentials) throws GitHubException;

    /** Returns the kinds installed. */
    static List<GitHubCredentialsType> all() {
        return ExtensionList.lookup(GitHubCredentialsType.class);
    }
}
