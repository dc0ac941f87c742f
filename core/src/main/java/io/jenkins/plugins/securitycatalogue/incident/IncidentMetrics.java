package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Times to detect, mitigate and resolve, per incident and aggregated by severity and by quarter. All three are
 * measured from the start, so they add up along one axis. Aggregates are distributions (median, range, values),
 * not a single mean: incident durations are skewed, and a mean-time-to-resolve hides that.
 *
 * @param incidents the times of each incident, oldest start first
 * @param bySeverity the aggregates per severity, only severities with incidents
 * @param byQuarter the aggregates per quarter of the start ({@code 2018-Q2}), oldest first
 */
public record IncidentMetrics(List<IncidentTimesRow> incidents, Map<IncidentSeverity, Aggregate> bySeverity,
        Map<String, Aggregate> byQuarter) {
    /** Copies the collections. */
    public IncidentMetrics {
        incidents = List.copyOf(incidents);
        Map<IncidentSeverity, Aggregate> severities = new EnumMap<>(IncidentSeverity.class);
        severities.putAll(bySeverity);
        bySeverity = Collections.unmodifiableMap(severities);
        byQuarter = Collections.unmodifiableMap(new TreeMap<>(byQuarter));
    }

    /** Computes the metrics of the incidents; those without a start time are listed but not aggregated. */
    public static IncidentMetrics of(List<Incident> incidents) {
        List<IncidentTimesRow> rows = incidents.stream()
                .map(IncidentTimesRow::of)
                .sorted(Comparator.comparing(IncidentTimesRow::started,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Map<IncidentSeverity, Aggregate> bySeverity = new EnumMap<>(IncidentSeverity.class);
        group(rows, IncidentTimesRow::severity).forEach(bySeverity::put);
        Map<String, Aggregate> byQuarter = new TreeMap<>();
        group(rows.stream().filter(row -> row.quarter() != null).toList(), IncidentTimesRow::quarter)
                .forEach(byQuarter::put);
        return new IncidentMetrics(rows, bySeverity, byQuarter);
    }

    private static <K> Map<K, Aggregate> group(List<IncidentTimesRow> rows, Function<IncidentTimesRow, K> key) {
        Map<K, List<IncidentTimesRow>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        Map<K, Aggregate> aggregates = new LinkedHashMap<>();
        groups.forEach((k, group) -> aggregates.put(k, Aggregate.of(group)));
        return aggregates;
    }

    /** Returns the aggregate of all incidents. */
    public Aggregate overall() {
        return Aggregate.of(incidents);
    }

    /**
     * The times of one incident.
     *
     * @param id the incident
     * @param severity its severity
     * @param started when it started, or {@code null}
     * @param quarter the quarter it started in, {@code 2018-Q2}, or {@code null}
     * @param timeToDetect started to detected
     * @param timeToMitigate started to mitigated
     * @param timeToResolve started to resolved
     */
    public record IncidentTimesRow(IncidentId id, IncidentSeverity severity, @CheckForNull Instant started,
            @CheckForNull String quarter, @CheckForNull Duration timeToDetect, @CheckForNull Duration timeToMitigate,
            @CheckForNull Duration timeToResolve) {
        static IncidentTimesRow of(Incident incident) {
            IncidentTimes times = incident.postMortem().times();
            return new IncidentTimesRow(incident.id(), incident.severity(), times.started(),
                    IncidentMetrics.quarter(times.started()), times.timeToDetect().orElse(null),
                    times.timeToMitigate().orElse(null), times.timeToResolve().orElse(null));
        }
    }

    /** Returns the quarter of a time in UTC, {@code 2018-Q2}, or {@code null}. */
    @CheckForNull
    static String quarter(@CheckForNull Instant time) {
        if (time == null) {
            return null;
        }
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The distributions of a group of incidents.
     *
     * @param incidents how many incidents are in the group
     * @param timeToDetect the times to detect that are known
     * @param timeToMitigate the times to mitigate that are known
     * @param timeToResolve the times to resolve that are known
     */
    public record Aggregate(int incidents, Distribution timeToDetect, Distribution timeToMitigate,
            Distribution timeToResolve) {
        static Aggregate of(List<IncidentTimesRow> rows) {
            return new Aggregate(rows.size(), distribution(rows, IncidentTimesRow::timeToDetect),
                    distribution(rows, IncidentTimesRow::timeToMitigate),
                    distribution(rows, IncidentTimesRow::timeToResolve));
        }

        private static Distribution distribution(List<IncidentTimesRow> rows,
                Function<IncidentTimesRow, Duration> value) {
            return new Distribution(rows.stream()
                    .map(row -> Optional.ofNullable(value.apply(row)))
                    .flatMap(Optional::stream)
                    .toList());
        }
    }
}
