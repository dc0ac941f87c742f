package io.jenkins.plugins.securitycatalogue.github;

import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Imports a repository's GitHub code scanning alerts and Dependabot alerts as scans, one {@link ParsedReport} per
 * tool, so that they are recorded and merged like any other tool's scan. GitHub API for Java 1.330 has no classes
 * for these endpoints, so they are read as JSON through the connection's shared transport, every page of them.
 */
public final class GitHubAlerts {
    /** The tool of imported code scanning alerts. */
    public static final String CODE_SCANNING_TOOL = CodeScanningAlerts.TOOL;
    /** The tool of imported Dependabot alerts. */
    public static final String DEPENDABOT_TOOL = DependabotAlerts.TOOL;

    private final GitHubConnection connection;
    private final SecretHasher hasher;

    /** Creates the importer; the hasher is the catalogue's. */
    public GitHubAlerts(GitHubConnection connection, SecretHasher hasher) {
        this.connection = connection;
        this.hasher = hasher;
    }

    /**
     * Reads the repository's code scanning alerts.
     *
     * @throws GitHubException if they cannot be read (code scanning not enabled, no permission, ...)
     */
    public ParsedReport codeScanning(RepositoryCoordinates repository) throws GitHubException {
        return read(repository, "code-scanning", "code scanning alerts", CodeScanningAlerts.TOOL,
                (alerts, context) -> CodeScanningAlerts.addAll(alerts, context));
    }

    /**
     * Reads the repository's Dependabot alerts.
     *
     * @throws GitHubException if they cannot be read (Dependabot alerts not enabled, no permission, ...)
     */
    public ParsedReport dependabot(RepositoryCoordinates repository) throws GitHubException {
        return read(repository, "dependabot", "Dependabot alerts", DependabotAlerts.TOOL,
                (alerts, context) -> DependabotAlerts.addAll(alerts, context));
    }

    private ParsedReport read(RepositoryCoordinates repository, String endpoint, String what, String tool,
            BiFunction<List<com.fasterxml.jackson.databind.JsonNode>, ParseContext, Integer> mapper)
            throws GitHubException {
        String description = "the " + what + " of " + repository.fullName();
        GitHubConnection.Pages pages = connection.pages("/repos/" + repository.fullName() + "/" + endpoint
                + "/alerts", description);
        var context = new ParseContext("github:" + repository.fullName() + "/" + endpoint, hasher);
        int fixed = mapper.apply(pages.items(), context);
        context.log().info("%s: %d alerts read from GitHub, %d of them fixed", tool, pages.items().size(), fixed);
        if (pages.truncated()) {
            context.toolIncomplete(tool, "more than " + pages.items().size() + " alerts; only the first "
                    + connection.settings().maxPages() + " pages were read, so none was marked fixed");
        }
        return context.finish("github-" + endpoint);
    }
}
