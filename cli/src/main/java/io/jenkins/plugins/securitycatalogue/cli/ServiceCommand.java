package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.query.ServiceSummary;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One service: its metadata, deployments per environment and open findings. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Shows one service: metadata, deployments per environment, open findings.")
final class ServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(index = "0", paramLabel = "NAME", description = "The service's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogueStore store = catalogue.open()) {
            Optional<ServiceDetails> details = new CatalogueQueries(store, catalogue.policy()).service(name);
            if (details.isEmpty()) {
                spec.commandLine().getErr().println("error: no service named '" + name + "' in the catalogue");
                return Main.USAGE;
            }
            if (catalogue.json) {
                Output.json(out, details.get());
            }
            else {
                print(out, details.get());
            }
            return Main.OK;
        }
        catch (StoreException exception) {
            spec.commandLine().getErr().println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }

    private static void print(PrintWriter out, ServiceDetails details) {
        ServiceSummary summary = details.summary();
        out.println(summary.name() + (summary.archived() ? " (archived repository)" : ""));
        out.println("  team:        " + Output.text(summary.team()));
        out.println("  tier:        " + Output.text(summary.tier()));
        out.println("  description: " + Output.text(details.description()));
        out.println("  repository:  " + Output.text(summary.repository()));
        summary.links().forEach((link, url) -> out.println("  link:        " + link + " " + url));
        printRepository(out, details.repository());
        out.println("  recorded:    " + Output.time(summary.lastRecorded()) + ", scanned "
                + Output.time(summary.lastScanned()) + (summary.stale() ? " (stale)" : ""));
        out.println("  open:        " + Output.counts(summary.open()) + "; risk " + summary.risk().explain());
        out.println("  past SLA:    " + Output.counts(summary.slaBreached()));
        out.println();
        out.println("Deployments:");
        if (details.deployments().isEmpty()) {
            out.println("  none recorded");
        }
        for (ServiceDetails.Deployment deployment : details.deployments()) {
            out.printf("  %s: %s since %s%s%n", deployment.environment(), deployment.version(),
                    Output.time(deployment.since()), deployment.build() == null ? ""
                            : " by " + deployment.build().job() + " #" + deployment.build().number());
        }
        out.println();
        out.printf("Open findings (%d):%n", details.findings().size());
        List<List<String>> rows = new ArrayList<>();
        for (ServiceDetails.StoredFinding stored : details.findings()) {
            Finding finding = stored.finding();
            rows.add(List.of(finding.severity().label(), finding.id(), finding.kind().label(),
                    Output.text(finding.packageName() == null ? location(finding) : finding.packageName()),
                    Output.text(finding.installedVersion()) + " -> " + Output.text(finding.fixedVersion()),
                    finding.tool(), Output.time(stored.firstSeen()),
                    stored.sla().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        Output.table(out, List.of("SEVERITY", "ID", "KIND", "PACKAGE/LOCATION", "INSTALLED -> FIXED", "TOOL",
                "FIRST SEEN", "SLA"), rows);
        if (!details.suppressed().isEmpty()) {
            out.printf("%nSuppressed by the tools (%d), not counted as open.%n", details.suppressed().size());
        }
        out.println();
        out.println("Latest scans:");
        details.scans().forEach(scan -> out.printf("  %s: version %s at %s, %d findings%s%n", scan.tool(),
                scan.version(), Output.time(scan.at()), scan.findings(), scan.complete() ? "" : " (incomplete)"));
    }

    private static void printRepository(PrintWriter out, ServiceDetails.RepositoryInfo repository) {
        if (repository.sources().stream().anyMatch(source -> source.source().equals("github"))) {
            printRead(out, repository);
        }
        if (!repository.sources().isEmpty()) {
            out.println("  sources:");
            repository.sources().forEach(source -> out.printf("    %-15s %-11s %s%n", source.field(),
                    source.source(), Output.time(source.at())));
        }
    }

    private static void printRead(PrintWriter out, ServiceDetails.RepositoryInfo repository) {
        out.println("  topics:      " + (repository.topics().isEmpty() ? "-" : String.join(", ", repository.topics())));
        out.println("  branch:      " + Output.text(repository.defaultBranch()));
        out.println("  archived:    " + (repository.archived() ? "yes" : "no"));
        out.println("  visibility:  " + Output.text(repository.visibility()));
        out.println("  language:    " + Output.text(repository.language()));
        out.println("  release:     " + Output.text(repository.latestRelease()));
    }

    private static String location(Finding finding) {
        if (finding.path() == null) {
            return null;
        }
        return finding.line() > 0 ? finding.path() + ":" + finding.line() : finding.path();
    }
}
