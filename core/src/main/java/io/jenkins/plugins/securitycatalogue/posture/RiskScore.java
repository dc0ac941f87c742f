package io.jenkins.plugins.securitycatalogue.posture;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A risk score that explains itself: the total and the parts it is made of.
 *
 * @param total the score
 * @param parts one part per severity with open findings
 */
public record RiskScore(long total, List<Part> parts) {
    /** Copies the parts. */
    public RiskScore {
        parts = List.copyOf(parts);
    }

    /**
     * One severity's share of the score.
     *
     * @param severity the severity
     * @param count how many open findings have it
     * @param weight the weight of one
     * @param points count times weight
     */
    public record Part(Severity severity, int count, int weight, long points) {
    }

    /** Returns the score as a sum a person can check, for example {@code 2 critical × 10 + 1 high × 5 = 25}. */
    public String explain() {
        if (parts.isEmpty()) {
            return "no open findings = 0";
        }
        return parts.stream()
                .map(part -> part.count() + " " + part.severity().label() + " × " + part.weight())
                .collect(Collectors.joining(" + ")) + " = " + total;
    }
}
