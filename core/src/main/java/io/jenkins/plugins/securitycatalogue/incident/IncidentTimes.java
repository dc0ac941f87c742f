package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an incident started, was detected, was mitigated (the harm stopped) and was resolved (the cause fixed).
 * Any may be unknown while the post-mortem is written, but the known ones must be in that order.
 *
 * @param started when the problem began, for security incidents often when the weakness was first exploitable
 * @param detected when someone or something noticed it
 * @param mitigated when the harm stopped
 * @param resolved when the cause was fixed
 */
public record IncidentTimes(@CheckForNull Instant started, @CheckForNull Instant detected,
        @CheckForNull Instant mitigated, @CheckForNull Instant resolved) {
    /** No time known. */
    public static final IncidentTimes UNKNOWN = new IncidentTimes(null, null, null, null);

    /**
     * Checks the order of the known times.
     *
     * @throws IllegalArgumentException naming the two times out of order
     */
    public IncidentTimes {
        requireOrder("detected", detected, "started", started);
        requireOrder("mitigated", mitigated, "detected", detected);
        requireOrder("resolved", resolved, "mitigated", mitigated);
        requireOrder("mitigated", mitigated, "started", started);
        requireOrder("resolved", resolved, "detected", detected);
        requireOrder("resolved", resolved, "started", started);
    }

    private static void requireOrder(String later, @CheckForNull Instant laterTime, String earlier,
            @CheckForNull Instant earlierTime) {
        if (laterTime != null && earlierTime != null && laterTime.isBefore(earlierTime)) {
            throw new IllegalArgumentException("The incident cannot be " + later + " (" + Times.format(laterTime)
                    + ") before it was " + earlier + " (" + Times.format(earlierTime) + ")");
        }
    }

    /** Returns how long the incident went unnoticed: started to detected. */
    public Optional<Duration> timeToDetect() {
        return between(started, detected);
    }

    /** Returns how long until the harm stopped: started to mitigated. */
    public Optional<Duration> timeToMitigate() {
        return between(started, mitigated);
    }

    /** Returns how long until the cause was fixed: started to resolved. */
    public Optional<Duration> timeToResolve() {
        return between(started, resolved);
    }

    private static Optional<Duration> between(@CheckForNull Instant from, @CheckForNull Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
