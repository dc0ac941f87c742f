package io.jenkins.plugins.securitycatalogue.posture;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many days a team has to fix an open finding of each severity, counted from when it was first seen. The
 * defaults are 7 critical, 30 high, 90 medium and 120 low days; info and unknown findings have no SLA unless set.
 *
 * @param days days per severity; a severity that is absent has no SLA
 */
public record SlaPolicy(Map<Severity, Integer> days) {
    /** Validates that every given number of days is positive. */
    public SlaPolicy {
        Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
        days.forEach((severity, limit) -> {
            if (limit == null || limit <= 0) {
                throw new IllegalArgumentException("SLA days for " + severity.label() + " must be positive, got "
                        + limit);
            }
            copy.put(severity, limit);
        });
        days = Map.copyOf(copy);
    }

    /** Returns the default policy. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(Map.of(Severity.CRITICAL, 7, Severity.HIGH, 30, Severity.MEDIUM, 90, Severity.LOW, 120));
    }

    /** Returns the days allowed for a severity. */
    public Optional<Integer> daysFor(Severity severity) {
        return Optional.ofNullable(days.get(severity));
    }

    /** Returns when a finding of the severity first seen at the given time is due. */
    public Optional<Instant> due(Severity severity, Instant firstSeen) {
        return daysFor(severity).map(limit -> firstSeen.plus(Duration.ofDays(limit)));
    }

    /**
     * Returns the SLA state of an open finding: breached past its due date, due soon in the last quarter of its
     * time (at least the last day), else within.
     */
    public SlaState state(Severity severity, Instant firstSeen, Instant now) {
        Optional<Integer> limit = daysFor(severity);
        if (limit.isEmpty()) {
            return SlaState.NONE;
        }
        Instant due = firstSeen.plus(Duration.ofDays(limit.get()));
        if (now.isAfter(due)) {
            return SlaState.BREACHED;
        }
        Duration warning = Duration.ofHours(Math.max(24, limit.get() * 6L));
        return now.isAfter(due.minus(warning)) ? SlaState.DUE_SOON : SlaState.WITHIN;
    }

    /** Returns the first-seen time before which an open finding of the severity is in breach at {@code now}. */
    @CheckForNull
    public Instant breachedBefore(Severity severity, Instant now) {
        Integer limit = days.get(severity);
        return limit == null ? null : now.minus(Duration.ofDays(limit));
    }
}
