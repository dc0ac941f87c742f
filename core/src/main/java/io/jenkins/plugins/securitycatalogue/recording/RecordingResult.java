package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import io.jenkins.plugins.securitycatalogue.posture.RiskScore;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import java.util.List;

/**
 * What a recording changed, and the service's posture after it.
 *
 * @param recordingId the recording's id in the catalogue
 * @param service the service's name
 * @param version the version recorded
 * @param environment the environment deployed to, or {@code null}
 * @param tools what changed per tool
 * @param newFindings active findings seen for the first time, or again after they were fixed
 * @param fixedFindings findings no longer reported by a complete scan
 * @param open the service's open findings after the recording
 * @param suppressed the service's suppressed findings after the recording
 * @param slaBreached open findings past their SLA
 * @param risk the service's risk score after the recording
 * @param log what the person should read: the reports' messages and the recorder's
 */
public record RecordingResult(long recordingId, String service, String version, @CheckForNull String environment,
        List<ToolChange> tools, List<Finding> newFindings, List<Finding> fixedFindings, SeverityCounts open,
        int suppressed, SeverityCounts slaBreached, RiskScore risk, ReportLog log) {
    /** Copies the lists. */
    public RecordingResult {
        tools = List.copyOf(tools);
        newFindings = List.copyOf(newFindings);
        fixedFindings = List.copyOf(fixedFindings);
    }

    /**
     * What one tool's scan changed.
     *
     * @param tool the tool
     * @param complete whether the scan completed; an incomplete one fixes nothing
     * @param incompleteReason why it did not complete, or {@code null}
     * @param findings findings in this scan, suppressed ones included
     * @param added new findings (first seen now)
     * @param reopened findings seen again after they were fixed
     * @param stillOpen findings that were open before and still are
     * @param fixed findings no longer reported
     * @param suppressed suppressed findings in this scan
     */
    public record ToolChange(String tool, boolean complete, @CheckForNull String incompleteReason, int findings,
            int added, int reopened, int stillOpen, int fixed, int suppressed) {
    }

    /** Returns the counts of the new active findings by severity. */
    public SeverityCounts newCounts() {
        return SeverityCounts.count(newFindings.stream().map(Finding::severity).toList());
    }

    /** Returns the input of a quality gate. */
    public QualityGate.Input gateInput() {
        return new QualityGate.Input(newCounts(), open, slaBreached);
    }
}
