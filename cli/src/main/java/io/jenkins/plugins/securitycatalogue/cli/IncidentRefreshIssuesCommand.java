package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.github.ActionItemIssues;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.IssueRefresh;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident refresh-issues}: brings the state of the GitHub issues of an incident's action items back. */
@Command(name = "refresh-issues", mixinStandardHelpOptions = true,
        description = {"Reads the GitHub issue linked from each action item of the incident and stores the item's "
                + "new state: closed as completed is done, closed as not planned is won't do, reopened is open.",
                "Items linked elsewhere are left alone. Exit code 6 if an issue could not be read."})
final class IncidentRefreshIssuesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    GitHubOptions github;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. INC-2026-014.")
    String id;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "github.com",
            description = "The web host of the issues when --github-api-url is not given (default: "
                    + "${DEFAULT-VALUE}); its API is then https://api.github.com or https://HOST/api/v3.")
    String host;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who refreshes them (default: ${DEFAULT-VALUE}).")
    String author;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            IncidentId incident = IncidentId.parse(id);
            try (CatalogueStore store = catalogue.open()) {
                List<IssueRefresh> results = new ActionItemIssues(github.connect(hostRepository()),
                        new IncidentStore(store)).refresh(incident, author, Instant.now());
                print(incident, results);
                return results.stream().anyMatch(result -> result.problem() != null) ? GitHubCommand.GITHUB
                        : Main.OK;
            }
            catch (GitHubException exception) {
                spec.commandLine().getErr().println("error: " + exception.getMessage());
                return GitHubCommand.GITHUB;
            }
        });
    }

    private RepositoryCoordinates hostRepository() {
        return new RepositoryCoordinates(host, "any", "any");
    }

    private void print(IncidentId incident, List<IssueRefresh> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incident", incident.toString(), "items", results));
            return;
        }
        if (results.isEmpty()) {
            out.printf("No action item of %s links to a GitHub issue%n", incident);
        }
        for (IssueRefresh result : results) {
            if (result.problem() != null) {
                spec.commandLine().getErr().printf("error: item %d (%s): %s%n", result.item(), result.url(),
                        result.problem());
                continue;
            }
            out.printf("  item %d: issue %s%s -> %s%s%n", result.item(), result.issueState(),
                    result.stateReason() == null ? "" : " (" + result.stateReason() + ")", label(result.after()),
                    result.changed() ? " (was " + label(result.before()) + ")" : "");
        }
    }

    private static String label(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
