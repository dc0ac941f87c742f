package io.jenkins.plugins.securitycatalogue.posture;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of findings by severity.
 *
 * @param critical critical findings
 * @param high high findings
 * @param medium medium findings
 * @param low low findings
 * @param info informational findings
 * @param unknown findings of unknown severity
 */
public record SeverityCounts(int critical, int high, int medium, int low, int info, int unknown) {
    /** No findings. */
    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0, 0, 0);

    /** Validates that no count is negative. */
    public SeverityCounts {
        if (critical < 0 || high < 0 || medium < 0 || low < 0 || info < 0 || unknown < 0) {
            throw new IllegalArgumentException("Counts cannot be negative");
        }
    }

    /** Returns the counts of the given map; missing severities count 0. */
    public static SeverityCounts of(Map<Severity, Integer> counts) {
        return new SeverityCounts(counts.getOrDefault(Severity.CRITICAL, 0), counts.getOrDefault(Severity.HIGH, 0),
                counts.getOrDefault(Severity.MEDIUM, 0), counts.getOrDefault(Severity.LOW, 0),
                counts.getOrDefault(Severity.INFO, 0), counts.getOrDefault(Severity.UNKNOWN, 0));
    }

    /** Counts the severities. */
    public static SeverityCounts count(Collection<Severity> severities) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        severities.forEach(severity -> counts.merge(severity, 1, Integer::sum));
        return of(counts);
    }

    /** Returns the count of one severity. */
    public int get(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case INFO -> info;
            case UNKNOWN -> unknown;
        };
    }

    /** Returns how many findings are at least as severe as the given severity (unknown counts only for itself). */
    public int atLeast(Severity severity) {
        if (severity == Severity.UNKNOWN) {
            return unknown;
        }
        int sum = 0;
        for (Severity each : Severity.values()) {
            if (each != Severity.UNKNOWN && each.isAtLeast(severity)) {
                sum += get(each);
            }
        }
        return sum;
    }

    /** Returns the total. */
    public int total() {
        return critical + high + medium + low + info + unknown;
    }

    /** Returns the counts as a map in severity order, for views and JSON. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            map.put(severity.label(), get(severity));
        }
        return map;
    }
}
