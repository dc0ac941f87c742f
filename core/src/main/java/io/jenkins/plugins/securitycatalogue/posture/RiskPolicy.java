package io.jenkins.plugins.securitycatalogue.posture;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a service's open findings add up to its risk score: a weight per severity, summed over the open findings.
 * The default weights are 10 critical, 5 high, 3 medium, 1 low, 0 info and 5 unknown (an unrated finding is
 * taken as seriously as a high one until someone rates it), the weights Dependency-Track uses.
 *
 * @param weights the weight of each severity
 */
public record RiskPolicy(Map<Severity, Integer> weights) {
    /** Validates that every severity has a weight of 0 or more. */
    public RiskPolicy {
        Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Integer weight = weights.get(severity);
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("Risk weight of " + severity.label() + " must be 0 or more, got "
                        + weight);
            }
            copy.put(severity, weight);
        }
        weights = Map.copyOf(copy);
    }

    /** Returns the default policy. */
    public static RiskPolicy defaults() {
        return new RiskPolicy(Map.of(Severity.CRITICAL, 10, Severity.HIGH, 5, Severity.MEDIUM, 3, Severity.LOW, 1,
                Severity.INFO, 0, Severity.UNKNOWN, 5));
    }

    /** Returns the weight of a severity. */
    public int weight(Severity severity) {
        return weights.get(severity);
    }

    /** Scores the open findings, with the parts the score is made of. */
    public RiskScore score(SeverityCounts open) {
        List<RiskScore.Part> parts = new ArrayList<>();
        long total = 0;
        for (Severity severity : Severity.values()) {
            int count = open.get(severity);
            if (count > 0) {
                long points = (long) count * weight(severity);
                parts.add(new RiskScore.Part(severity, count, weight(severity), points));
                total += points;
            }
        }
        return new RiskScore(total, parts);
    }
}
