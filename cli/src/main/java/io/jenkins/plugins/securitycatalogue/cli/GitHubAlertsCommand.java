package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.github.GitHubAlerts;
import io.jenkins.plugins.securitycatalogue.github.GitHubConnection;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code github alerts}: records a repository's code scanning and Dependabot alerts as scans of a service. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Records a repository's GitHub code scanning and Dependabot alerts as scans of a service "
                + "(tools 'GitHub code scanning' and 'Dependabot'), merged like any other scan: alerts keep their "
                + "identity across imports, dismissed ones are kept apart as suppressed, fixed ones are fixed.",
                "If one kind cannot be read, the other is still recorded and the exit code is 6."})
final class GitHubAlertsCommand implements Callable<Integer> {
    /** Which alerts to import. */
    enum Kind {
        CODE_SCANNING,
        DEPENDABOT
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    GitHubOptions github;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service's name.")
    String service;

    @Option(names = "--repository", required = true, paramLabel = "URL",
            description = "The repository on GitHub, e.g. https://github.com/acme/shop.")
    String repository;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "The version the alerts are about (default: unversioned; the alerts are those of the "
                    + "default branch).")
    String version;

    @Option(names = "--only", paramLabel = "KIND", split = ",",
            description = "Import only these: code_scanning, dependabot (default: both).")
    Set<Kind> only = EnumSet.allOf(Kind.class);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RepositoryCoordinates coordinates;
        GitHubConnection connection;
        try {
            coordinates = GitHubOptions.repository(repository);
            ServiceMetadata.named(service);
            connection = github.connect(coordinates);
        }
        catch (IllegalArgumentException | GitHubException exception) {
            err.println("error: " + exception.getMessage());
            return Main.USAGE;
        }
        try (CatalogueStore store = catalogue.open()) {
            return importAlerts(store, connection, coordinates);
        }
        catch (StoreException exception) {
            err.println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }

    private int importAlerts(CatalogueStore store, GitHubConnection connection, RepositoryCoordinates coordinates)
            throws StoreException {
        var alerts = new GitHubAlerts(connection, store.secretHasher());
        List<ParsedReport> reports = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Kind kind : only) {
            try {
                reports.add(kind == Kind.CODE_SCANNING ? alerts.codeScanning(coordinates)
                        : alerts.dependabot(coordinates));
            }
            catch (GitHubException exception) {
                failures.put(kind == Kind.CODE_SCANNING ? GitHubAlerts.CODE_SCANNING_TOOL
                        : GitHubAlerts.DEPENDABOT_TOOL, exception.getMessage());
            }
        }
        RecordingResult result = reports.isEmpty() ? null : new Recorder(store, catalogue.policy()).record(
                new RecordingRequest(new ServiceMetadata(service, null, null, repository, null, Map.of()), version,
                        null, null, reports, Instant.now()));
        print(result, failures);
        return failures.isEmpty() ? Main.OK : GitHubCommand.GITHUB;
    }

    private void print(RecordingResult result, Map<String, String> failures) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (catalogue.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("recording", result);
            json.put("failures", failures);
            Output.json(out, json);
            return;
        }
        failures.forEach((tool, message) -> err.println("error: " + tool + ": " + message));
        if (result == null) {
            return;
        }
        for (ReportLog.Message message : result.log().messages()) {
            (message.level() == ReportLog.Level.INFO ? out : err).println(message);
        }
        out.printf("Recorded the GitHub alerts of %s %s (recording %d)%n", result.service(), result.version(),
                result.recordingId());
        for (RecordingResult.ToolChange change : result.tools()) {
            out.printf("  %s: %d alerts, %d new, %d reopened, %d still open, %d fixed, %d dismissed%s%n",
                    change.tool(), change.findings(), change.added(), change.reopened(), change.stillOpen(),
                    change.fixed(), change.suppressed(), change.complete() ? "" : " (incomplete)");
        }
        out.printf("Open: %s%n", Output.counts(result.open()));
    }
}
