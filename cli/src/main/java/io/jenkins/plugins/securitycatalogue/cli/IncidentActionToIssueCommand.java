package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.github.ActionItemIssues;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.IssueLink;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident action-to-issue}: files an action item as a GitHub issue and links it from the item. */
@Command(name = "action-to-issue", mixinStandardHelpOptions = true,
        description = {"Files a post-mortem action item as a GitHub issue (title, the item, a link back to the "
                + "post-mortem, your labels) and stores the issue's address as the item's tracker link.",
                "Only the action item goes into the issue, not the post-mortem. Exit code 6 if GitHub refused."})
final class IncidentActionToIssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    GitHubOptions github;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. INC-2026-014.")
    String id;

    @Option(names = "--item", required = true, paramLabel = "N", description = "The action item's number, from 1.")
    int item;

    @Option(names = "--repository", required = true, paramLabel = "URL",
            description = "The repository to file the issue in, e.g. https://github.com/acme/shop.")
    String repository;

    @Option(names = "--labels", paramLabel = "LABEL", split = ",", description = "Labels for the issue.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The http(s) URL under which each incident has a page (the link back is base + id).")
    String baseUrl;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who files it (default: ${DEFAULT-VALUE}).")
    String author;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            IncidentId incident = IncidentId.parse(id);
            RepositoryCoordinates coordinates = GitHubOptions.repository(repository);
            String link = link(incident);
            try (CatalogueStore store = catalogue.open()) {
                IssueLink issue = new ActionItemIssues(github.connect(coordinates), new IncidentStore(store))
                        .export(incident, item, coordinates, labels, link, author, Instant.now());
                print(incident, issue);
                return Main.OK;
            }
            catch (GitHubException exception) {
                spec.commandLine().getErr().println("error: " + exception.getMessage());
                return GitHubCommand.GITHUB;
            }
        });
    }

    private String link(IncidentId incident) {
        if (baseUrl == null) {
            return null;
        }
        String base = Texts.httpUrl(baseUrl).orElseThrow(() -> new IllegalArgumentException(
                "--base-url must be an absolute http or https URL, got '" + baseUrl + "'"));
        return (base.endsWith("/") ? base : base + "/") + incident;
    }

    private void print(IncidentId incident, IssueLink issue) {
        var out = spec.commandLine().getOut();
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incident", incident.toString(), "issue", issue));
        }
        else {
            out.printf("Filed action item %d of %s as %s%n", issue.item(), incident, issue.url());
        }
    }
}
