package io.jenkins.plugins.securitycatalogue.posture;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Thresholds on a recording's outcome, each with the result it gives when reached: for example "fail on any new
 * critical" or "unstable at 10 open high or worse". The worst result reached wins; the reasons list every
 * threshold reached.
 *
 * @param thresholds the thresholds, possibly none (the gate then always passes)
 */
public record QualityGate(List<Threshold> thresholds) {
    /** Copies the thresholds. */
    public QualityGate {
        thresholds = List.copyOf(thresholds);
    }

    /** What a threshold counts. */
    public enum Metric {
        /** Findings new in this recording, at least the threshold's severity. */
        NEW,
        /** Open findings of the service after this recording, at least the threshold's severity. */
        OPEN,
        /** Open findings past their SLA, at least the threshold's severity. */
        SLA_BREACHED;

        String describe() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** The result of a gate. */
    public enum Status {
        PASS,
        UNSTABLE,
        FAIL
    }

    /**
     * One threshold.
     *
     * @param metric what it counts
     * @param severity the least severity counted
     * @param limit the count at which it is reached, 1 or more
     * @param result what it gives when reached: unstable or fail
     */
    public record Threshold(Metric metric, Severity severity, int limit, Status result) {
        /** Validates the threshold. */
        public Threshold {
            if (limit < 1) {
                throw new IllegalArgumentException("A threshold's limit must be 1 or more, got " + limit);
            }
            if (result == Status.PASS) {
                throw new IllegalArgumentException("A threshold must give unstable or fail when reached");
            }
        }
    }

    /**
     * What a gate is evaluated on.
     *
     * @param newFindings active findings new in the recording
     * @param open open findings after it
     * @param slaBreached open findings past their SLA
     */
    public record Input(SeverityCounts newFindings, SeverityCounts open, SeverityCounts slaBreached) {
        int count(Metric metric, Severity severity) {
            SeverityCounts counts = switch (metric) {
                case NEW -> newFindings;
                case OPEN -> open;
                case SLA_BREACHED -> slaBreached;
            };
            return counts.atLeast(severity);
        }
    }

    /**
     * The outcome.
     *
     * @param status pass, unstable or fail
     * @param reasons one line per threshold reached
     */
    public record Result(Status status, List<String> reasons) {
        /** Copies the reasons. */
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    /** Evaluates the thresholds. */
    public Result evaluate(Input input) {
        Status status = Status.PASS;
        List<String> reasons = new ArrayList<>();
        for (Threshold threshold : thresholds) {
            int count = input.count(threshold.metric(), threshold.severity());
            if (count >= threshold.limit()) {
                reasons.add(String.format(Locale.ROOT, "%s: %d %s finding(s) of severity %s or worse (limit %d)",
                        threshold.result().name().toLowerCase(Locale.ROOT), count, threshold.metric().describe(),
                        threshold.severity().label(), threshold.limit()));
                if (threshold.result().ordinal() > status.ordinal()) {
                    status = threshold.result();
                }
            }
        }
        return new Result(status, reasons);
    }
}
