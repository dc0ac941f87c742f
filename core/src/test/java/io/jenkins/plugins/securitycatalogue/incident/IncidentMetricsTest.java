package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times to detect, mitigate and resolve of the example incidents, per incident and as distributions. */
class IncidentMetricsTest {
    @Test
    void shouldComputeEachIncidentsTimes() {
        IncidentMetrics metrics = IncidentMetrics.of(examples());

        assertThat(metrics.incidents()).hasSize(5).first()
                .satisfies(row -> assertThat(row.quarter()).isEqualTo("2016-Q1"));
        IncidentMetrics.IncidentTimesRow ddos = metrics.incidents().stream()
                .filter(row -> row.quarter().equals("2018-Q1")).findFirst().orElseThrow();
        assertThat(ddos.timeToDetect()).isEqualTo(Duration.ZERO);
        assertThat(ddos.timeToMitigate()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ddos.timeToResolve()).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void shouldAggregateBySeverityAndQuarterWithMedians() {
        IncidentMetrics metrics = IncidentMetrics.of(examples());

        assertThat(metrics.bySeverity()).containsOnlyKeys(IncidentSeverity.SEV1, IncidentSeverity.SEV2);
        assertThat(metrics.byQuarter()).containsOnlyKeys("2016-Q1", "2017-Q3", "2018-Q1", "2018-Q2", "2018-Q3");
        IncidentMetrics.Aggregate sev2 = metrics.bySeverity().get(IncidentSeverity.SEV2);
        assertThat(sev2.incidents()).isEqualTo(3);
        assertThat(sev2.timeToDetect().values()).containsExactly(Duration.ZERO, Duration.ofMinutes(10),
                Duration.ofHours(18));
        assertThat(sev2.timeToDetect().median()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sev2.timeToDetect().describe()).isEqualTo("median 10m (min 0m, max 18h, n=3)");
    }

    @Test
    void shouldShowTheSkewThatAMeanHides() {
        var distribution = new Distribution(List.of(Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(30), Duration.ofDays(10)));

        assertThat(distribution.median()).isEqualTo(Duration.ofMinutes(25));
        assertThat(distribution.mean()).isGreaterThan(Duration.ofDays(2));
        assertThat(new Distribution(List.of()).describe()).isEqualTo("no data");
        assertThat(new Distribution(List.of()).median()).isNull();
    }

    private static List<Incident> examples() {
        List<Incident> incidents = new ArrayList<>();
        int number = 1;
        for (var file : Examples.files()) {
            PostMortem postMortem = Examples.read(file).postMortem();
            incidents.add(new Incident(new IncidentId(2026, number++), 1, IncidentStatus.PUBLISHED, "alice",
                    Instant.EPOCH, "alice", Instant.EPOCH, Instant.EPOCH, postMortem));
        }
        return incidents;
    }
}
