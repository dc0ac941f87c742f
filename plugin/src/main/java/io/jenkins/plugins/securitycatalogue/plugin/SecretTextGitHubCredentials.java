package io.jenkins.plugins.securitycatalogue.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import io.jenkins.plugins.securitycatalogue.github.GitHubCredentials;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.GitHubToken;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** A token kept as a Secret text credential: a fine-grained or classic personal access token. */
@Extension
public final class SecretTextGitHubCredentials extends GitHubCredentialsType {
    @Override
    public Class<StringCredentials> type() {
        return StringCredentials.class;
    }

    @CheckForNull
    @Override
    public GitHubCredentials toGitHub(StandardCredentials credentials) throws GitHubException {
        if (!(credentials instanceof StringCredentials token)) {
            return null;
        }
        try {
            return GitHubToken.of(token.getSecret().getPlainText());
        }
        catch (IllegalArgumentException exception) {
            // GitHubToken's messages never quote the value
            throw new GitHubException(GitHubException.Kind.UNAUTHORIZED, 0, Messages.GitHub_BadToken(
                    credentials.getId(), exception.getMessage()));
        }
    }
}
