package io.jenkins.plugins.securitycatalogue.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.QualityGate;
import java.io.Serializable;
import java.util.Locale;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;

/**
 * One threshold of the step's quality gate, for example {@code gate(type: 'NEW', severity: 'critical',
 * threshold: 1, result: 'FAILURE')}: fail as soon as one new critical finding is recorded.
 */
public final class QualityGateThreshold implements Describable<QualityGateThreshold>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String severity;
    private final int threshold;
    private final String result;

    /**
     * Creates a threshold.
     *
     * @param type {@code NEW}, {@code OPEN} or {@code SLA_BREACHED}
     * @param severity the least severity counted
     * @param threshold the count at which it is reached
     * @param result {@code UNSTABLE} or {@code FAILURE}
     */
    @DataBoundConstructor
    public QualityGateThreshold(String type, String severity, int threshold, String result) {
        this.type = type;
        this.severity = severity;
        this.threshold = threshold;
        this.result = result;
    }

    public String getType() {
        return type;
    }

    public String getSeverity() {
        return severity;
    }

    public int getThreshold() {
        return threshold;
    }

    public String getResult() {
        return result;
    }

    /**
     * Returns the core threshold.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    QualityGate.Threshold toThreshold() {
        QualityGate.Metric metric;
        try {
            metric = QualityGate.Metric.valueOf(type.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException exception) {
            throw new IllegalArgumentException("Quality gate type must be NEW, OPEN or SLA_BREACHED, got '" + type
                    + "'", exception);
        }
        Severity least = Severity.fromText(severity);
        if (least == Severity.UNKNOWN && !"unknown".equalsIgnoreCase(severity.trim())) {
            throw new IllegalArgumentException("Quality gate severity must be critical, high, medium, low, info or "
                    + "unknown, got '" + severity + "'");
        }
        String status = result.trim().toUpperCase(Locale.ROOT);
        if (!"UNSTABLE".equals(status) && !"FAILURE".equals(status)) {
            throw new IllegalArgumentException("Quality gate result must be UNSTABLE or FAILURE, got '" + result + "'");
        }
        return new QualityGate.Threshold(metric, least, threshold,
                "FAILURE".equals(status) ? QualityGate.Status.FAIL : QualityGate.Status.UNSTABLE);
    }

    /** Describes thresholds in the Snippet Generator. */
    @Extension
    @Symbol("gate")
    public static final class DescriptorImpl extends Descriptor<QualityGateThreshold> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.QualityGateThreshold_DisplayName();
        }

        @POST
        public ListBoxModel doFillTypeItems() {
            return new ListBoxModel(new ListBoxModel.Option("New findings", "NEW"),
                    new ListBoxModel.Option("Open findings", "OPEN"),
                    new ListBoxModel.Option("Findings past their SLA", "SLA_BREACHED"));
        }

        @POST
        public ListBoxModel doFillSeverityItems() {
            ListBoxModel items = new ListBoxModel();
            for (Severity each : Severity.values()) {
                items.add(each.label(), each.label());
            }
            return items;
        }

        @POST
        public ListBoxModel doFillResultItems() {
            return new ListBoxModel(new ListBoxModel.Option("Unstable", "UNSTABLE"),
                    new ListBoxModel.Option("Failure", "FAILURE"));
        }
    }
}
