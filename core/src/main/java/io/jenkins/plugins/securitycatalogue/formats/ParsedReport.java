package io.jenkins.plugins.securitycatalogue.formats;

import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one report file said: the findings, the tools that ran (a tool that ran and found nothing is a clean
 * scan) and the tools whose scan did not complete (their missing findings must never be taken as fixed).
 *
 * @param file the report's name
 * @param format the id of the format it was read as
 * @param findings the findings, each once
 * @param tools the tools that ran, including those with no findings
 * @param incomplete the tools whose scan failed or was partial, with the reason the report gave
 * @param log what the person should read about this report
 * @param scopes per tool, the targets the scan looked at, when the report says so (a Trivy result's target);
 *     a tool without an entry looked at everything it reports on
 */
public record ParsedReport(String file, String format, List<Finding> findings, Set<String> tools,
        Map<String, String> incomplete, ReportLog log, Map<String, Set<String>> scopes) implements Serializable {
    /** Copies the collections. */
    public ParsedReport {
        findings = List.copyOf(findings);
        tools = Set.copyOf(tools);
        incomplete = Map.copyOf(incomplete);
        Map<String, Set<String>> copy = new java.util.HashMap<>();
        scopes.forEach((tool, targets) -> copy.put(tool, Set.copyOf(targets)));
        scopes = Map.copyOf(copy);
    }

    /** Creates a report whose tools looked at everything they report on. */
    public ParsedReport(String file, String format, List<Finding> findings, Set<String> tools,
            Map<String, String> incomplete, ReportLog log) {
        this(file, format, findings, tools, incomplete, log, Map.of());
    }
}
