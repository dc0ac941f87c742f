package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.ReportReader;
import io.jenkins.plugins.securitycatalogue.github.GitHubException;
import io.jenkins.plugins.securitycatalogue.github.GitHubMetadataSource;
import io.jenkins.plugins.securitycatalogue.github.RepositoryCoordinates;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryMetadataSource;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Records a service's metadata, version, deployment and reports: the main job of the catalogue. */
@Command(name = "record",
        description = {"Records a service, its version, where it is deployed and what its security tools reported.",
                "Every report is read before anything is stored: if one cannot be read, nothing is recorded.",
                "With a GitHub token, what is not given is read from the repository on GitHub (description, "
                        + "topics, default branch, archived, visibility, language, latest release, CODEOWNERS); "
                        + "recording goes on if GitHub cannot be read."})
final class RecordCommand implements Callable<Integer> {
    private static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    /** Its own help option: the standard help mixin would also bring a --version that clashes with ours. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    GitHubOptions github;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service's name.")
    String service;

    @Option(names = "--team", paramLabel = "TEAM", description = "The owning team.")
    String team;

    @Option(names = "--description", paramLabel = "TEXT", description = "A short description of the service.")
    String description;

    @Option(names = "--tier", paramLabel = "TIER", description = "The service's criticality tier.")
    String tier;

    @Option(names = "--version", paramLabel = "VERSION", description = "The version built and scanned.")
    String version;

    @Option(names = "--environment", paramLabel = "ENV", description = "The environment this version is deployed to.")
    String environment;

    @Option(names = "--build-job", paramLabel = "JOB", description = "The CI job that records.")
    String buildJob;

    @Option(names = "--build-number", paramLabel = "N", description = "The CI build number.")
    Long buildNumber;

    @Option(names = "--build-url", paramLabel = "URL", description = "The CI build's URL.")
    String buildUrl;

    @Option(names = "--repository", paramLabel = "URL", description = "The source repository.")
    String repository;

    @Option(names = "--link", paramLabel = "NAME=URL", description = "A named http(s) link, such as a dashboard.")
    Map<String, String> links = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "FILE", description = "A report of a security tool; may be repeated.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--format", paramLabel = "ID",
            description = "Read every report as this format instead of telling it by content (see 'formats').")
    String format;

    @Option(names = "--base-dir", paramLabel = "DIR", defaultValue = "${sys:user.dir}",
            description = "Paths in reports under this directory are stored relative to it (default: the current "
                    + "directory), so that findings keep their identity wherever the build ran.")
    Path baseDirectory;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail (exit 3) when the service has an open finding of this severity or worse.")
    Severity failOn;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY",
            description = "Fail (exit 3) when this recording adds a finding of this severity or worse.")
    Severity failOnNew;

    @Option(names = "--fail-on-sla-breach", paramLabel = "SEVERITY",
            description = "Fail (exit 3) when an open finding of this severity or worse is past its SLA.")
    Severity failOnSlaBreach;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordingRequest request;
        try (CatalogueStore store = catalogue.open()) {
            List<ParsedReport> parsed = read(store, err);
            if (parsed == null) {
                return Main.USAGE;
            }
            try {
                request = new RecordingRequest(new ServiceMetadata(service, team, description, repository, tier,
                        links), version, environment, build(), parsed, Instant.now());
            }
            catch (IllegalArgumentException exception) {
                err.println("error: " + exception.getMessage());
                return Main.USAGE;
            }
            RepositoryMetadataSource repositories;
            try {
                repositories = repositories();
            }
            catch (IllegalArgumentException | GitHubException exception) {
                err.println("error: " + exception.getMessage());
                return Main.USAGE;
            }
            RecordingResult result = new Recorder(store, catalogue.policy(), repositories).record(request);
            QualityGate.Result gate = gate().evaluate(result.gateInput());
            print(out, err, result, gate);
            return gate.status() == QualityGate.Status.FAIL ? Main.GATE_FAILED : Main.OK;
        }
        catch (StoreException exception) {
            err.println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }

    /** Returns the GitHub metadata source when a token was given; the API is the given one or the repository's. */
    private RepositoryMetadataSource repositories() throws GitHubException {
        if (!github.enabled()) {
            return null;
        }
        RepositoryCoordinates coordinates = repository == null ? null
                : RepositoryCoordinates.parse(repository).orElse(null);
        return new GitHubMetadataSource(github.connect(coordinates));
    }

    private List<ParsedReport> read(CatalogueStore store, PrintWriter err) {
        var reader = new ReportReader(new FormatRegistry(), store.secretHasher(),
                baseDirectory.toAbsolutePath().normalize().toString());
        List<ParsedReport> parsed = new ArrayList<>();
        for (Path report : reports) {
            if (!Files.isRegularFile(report)) {
                err.println("error: " + report + ": no such file; nothing was recorded");
                return null;
            }
            try {
                parsed.add(reader.read(ReportInput.of(report), format));
            }
            catch (ReportException exception) {
                err.println("error: " + exception.getMessage() + "; nothing was recorded");
                return null;
            }
        }
        return parsed;
    }

    private BuildReference build() {
        if (buildJob == null) {
            if (buildNumber != null || buildUrl != null) {
                throw new IllegalArgumentException("--build-number and --build-url need --build-job");
            }
            return null;
        }
        return new BuildReference(buildJob, buildNumber, buildUrl);
    }

    private QualityGate gate() {
        List<QualityGate.Threshold> thresholds = new ArrayList<>();
        if (failOn != null) {
            thresholds.add(new QualityGate.Threshold(QualityGate.Metric.OPEN, failOn, 1, QualityGate.Status.FAIL));
        }
        if (failOnNew != null) {
            thresholds.add(new QualityGate.Threshold(QualityGate.Metric.NEW, failOnNew, 1, QualityGate.Status.FAIL));
        }
        if (failOnSlaBreach != null) {
            thresholds.add(new QualityGate.Threshold(QualityGate.Metric.SLA_BREACHED, failOnSlaBreach, 1,
                    QualityGate.Status.FAIL));
        }
        return new QualityGate(thresholds);
    }

    private void print(PrintWriter out, PrintWriter err, RecordingResult result, QualityGate.Result gate) {
        if (catalogue.json) {
            Output.json(out, json(result, gate));
            return;
        }
        for (ReportLog.Message message : result.log().messages()) {
            (message.level() == ReportLog.Level.INFO ? out : err).println(message);
        }
        out.printf("Recorded %s %s%s (recording %d)%n", result.service(), result.version(),
                result.environment() == null ? "" : ", deployed in " + result.environment(), result.recordingId());
        for (RecordingResult.ToolChange change : result.tools()) {
            out.printf("  %s: %d finding(s), %d new, %d reopened, %d still open, %d fixed, %d suppressed%s%n",
                    change.tool(), change.findings(), change.added(), change.reopened(), change.stillOpen(),
                    change.fixed(), change.suppressed(), change.complete() ? "" : " (incomplete scan)");
        }
        out.printf("Open: %s%n", Output.counts(result.open()));
        out.printf("Risk: %s%n", result.risk().explain());
        out.printf("Past SLA: %s%n", Output.counts(result.slaBreached()));
        list(out, "New", result.newFindings());
        list(out, "Fixed", result.fixedFindings());
        if (!gate.reasons().isEmpty() || gate.status() != QualityGate.Status.PASS) {
            out.printf("Quality gate: %s%n", gate.status());
            gate.reasons().forEach(reason -> out.println("  " + reason));
        }
    }

    /** Maps the result for JSON at the edge, so that the model carries no JSON annotations. */
    private static Map<String, Object> json(RecordingResult result, QualityGate.Result gate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recordingId", result.recordingId());
        json.put("service", result.service());
        json.put("version", result.version());
        json.put("environment", result.environment());
        json.put("tools", result.tools());
        json.put("open", result.open().asMap());
        json.put("newCounts", result.newCounts().asMap());
        json.put("suppressed", result.suppressed());
        json.put("slaBreached", result.slaBreached().asMap());
        json.put("risk", Map.of("total", result.risk().total(), "explanation", result.risk().explain(),
                "parts", result.risk().parts()));
        json.put("newFindings", result.newFindings());
        json.put("fixedFindings", result.fixedFindings());
        json.put("messages", result.log().messages().stream().map(ReportLog.Message::toString).toList());
        json.put("qualityGate", gate);
        return json;
    }

    private static void list(PrintWriter out, String heading, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.printf("%s (%d):%n", heading, findings.size());
        findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity))
                .limit(SHOWN)
                .forEach(finding -> out.printf("  %-8s %s %s%s (%s)%n", finding.severity().label(), finding.id(),
                        Output.text(finding.packageName() == null ? finding.path() : finding.packageName()),
                        finding.fixedVersion() == null ? "" : " fixed in " + finding.fixedVersion(), finding.tool()));
        if (findings.size() > SHOWN) {
            out.printf("  ... and %d more%n", findings.size() - SHOWN);
        }
    }
}
