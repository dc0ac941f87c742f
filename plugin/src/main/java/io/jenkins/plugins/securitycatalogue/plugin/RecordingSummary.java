package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a pipeline user reads in the build console, and the map the step returns to the script. */
final class RecordingSummary {
    /** The prefix of every console line of the step. */
    static final String PREFIX = "[security-catalogue] ";

    private static final int SHOWN = 10;

    private RecordingSummary() {
    }

    /** Prints the reports' messages, what changed per tool, the posture and the gate. */
    static void print(PrintStream console, RecordingResult result, QualityGate.Result gate,
            @CheckForNull String serviceUrl) {
        for (ReportLog.Message message : result.log().messages()) {
            console.println(PREFIX + message);
        }
        console.println(PREFIX + "Recorded " + result.service() + " " + result.version()
                + (result.environment() == null ? "" : ", deployed in " + result.environment()));
        result.tools().forEach(change -> console.println(PREFIX + "  " + describe(change)));
        console.println(PREFIX + "Open: " + counts(result.open()) + "; risk " + result.risk().explain());
        if (result.slaBreached().total() > 0) {
            console.println(PREFIX + "Past their SLA: " + counts(result.slaBreached()));
        }
        list(console, "New", result.newFindings());
        list(console, "Fixed", result.fixedFindings());
        if (gate.status() != QualityGate.Status.PASS) {
            console.println(PREFIX + "Quality gate: " + gate.status());
            gate.reasons().forEach(reason -> console.println(PREFIX + "  " + reason));
        }
        if (serviceUrl != null) {
            console.println(PREFIX + "Catalogue: " + serviceUrl);
        }
    }

    /** Returns one line on what a tool's scan changed. */
    static String describe(RecordingResult.ToolChange change) {
        return change.tool() + ": " + change.findings() + " findings, " + change.added() + " new, "
                + change.reopened() + " reopened, " + change.stillOpen() + " still open, " + change.fixed()
                + " fixed, " + change.suppressed() + " suppressed"
                + (change.complete() ? "" : " (incomplete scan: " + change.incompleteReason() + ")");
    }

    /** Returns the step's return value: plain maps, lists, strings and numbers, which Pipeline scripts can read. */
    static Map<String, Object> returned(RecordingResult result, QualityGate.Result gate,
            @CheckForNull String serviceUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service", result.service());
        map.put("version", result.version());
        map.put("environment", result.environment());
        map.put("open", new LinkedHashMap<>(result.open().asMap()));
        map.put("openTotal", result.open().total());
        map.put("new", result.newFindings().size());
        map.put("newBySeverity", new LinkedHashMap<>(result.newCounts().asMap()));
        map.put("fixed", result.fixedFindings().size());
        map.put("suppressed", result.suppressed());
        map.put("slaBreached", result.slaBreached().total());
        map.put("risk", result.risk().total());
        map.put("qualityGate", gate.status().name());
        map.put("qualityGateReasons", new ArrayList<>(gate.reasons()));
        map.put("url", serviceUrl);
        return map;
    }

    private static String counts(SeverityCounts counts) {
        List<String> parts = new ArrayList<>();
        counts.asMap().forEach((severity, count) -> {
            if (count > 0) {
                parts.add(count + " " + severity);
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void list(PrintStream console, String heading, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        console.println(PREFIX + heading + " (" + findings.size() + "):");
        findings.stream().sorted(Comparator.comparing(Finding::severity)).limit(SHOWN).forEach(finding ->
                console.println(PREFIX + "  " + finding.severity().label() + " " + finding.id() + " "
                        + (finding.packageName() == null ? String.valueOf(finding.path()) : finding.packageName())
                        + " (" + finding.tool() + ")"));
        if (findings.size() > SHOWN) {
            console.println(PREFIX + "  ... and " + (findings.size() - SHOWN) + " more");
        }
    }
}
