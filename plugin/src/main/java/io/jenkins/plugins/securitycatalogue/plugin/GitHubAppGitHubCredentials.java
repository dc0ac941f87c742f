package io.jenkins.plugins.securitycatalogue.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import io.jenkins.plugins.securitycatalogue.github.GitHubCredentials;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.github_branch_source.GitHubAppCredentials;

/**
 * A GitHub App credential of the GitHub Branch Source plugin. Loaded only when that plugin is installed (an
 * optional extension), so that nothing else in this plugin needs it. The credential hands out installation tokens
 * itself and renews them before they expire; each request asks it again. Which installation the token is for is
 * the credential's own setting (its repository access strategy).
 */
@Extension(optional = true)
public final class GitHubAppGitHubCredentials extends GitHubCredentialsType {
    private static final Logger LOGGER = Logger.getLogger(GitHubAppGitHubCredentials.class.getName());

    @Override
    public Class<GitHubAppCredentials> type() {
        return GitHubAppCredentials.class;
    }

    @CheckForNull
    @Override
    public GitHubCredentials toGitHub(StandardCredentials credentials) {
        if (!(credentials instanceof GitHubAppCredentials app)) {
            return null;
        }
        String id = credentials.getId();
        return () -> {
            try {
                return "Bearer " + app.getPassword().getPlainText();
            }
            catch (RuntimeException exception) {
                // the exception's text may name installations and owners, never the key; keep it out of the
                // console all the same and leave it to the system log, without a stack that could carry data
                LOGGER.log(Level.FINE, "GitHub App credential {0} gave no installation token: {1}",
                        new Object[] {id, exception.getClass().getName()});
                throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, 0,
                        Messages.GitHub_AppTokenFailed(id, exception.getClass().getSimpleName()));
            }
        };
    }
}
