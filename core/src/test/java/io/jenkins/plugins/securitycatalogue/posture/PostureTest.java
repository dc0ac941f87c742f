package io.jenkins.plugins.securitycatalogue.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class PostureTest {
    private static final Instant SEEN = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void shouldExplainTheRiskScore() {
        RiskScore score = RiskPolicy.defaults().score(new SeverityCounts(2, 1, 0, 3, 4, 1));

        assertThat(score.total()).isEqualTo(2 * 10 + 5 + 3 + 5);
        assertThat(score.explain()).isEqualTo("2 critical × 10 + 1 high × 5 + 3 low × 1 + 4 info × 0 + 1 unknown × 5 = 33");
    }

    @Test
    void shouldRejectNegativeWeights() {
        assertThatThrownBy(() -> new RiskPolicy(Map.of(Severity.CRITICAL, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical");
    }

    @Test
    void shouldTellTheSlaStateFromFirstSeen() {
        SlaPolicy sla = SlaPolicy.defaults();

        assertThat(sla.state(Severity.CRITICAL, SEEN, SEEN.plus(Duration.ofDays(1)))).isEqualTo(SlaState.WITHIN);
        assertThat(sla.state(Severity.CRITICAL, SEEN, SEEN.plus(Duration.ofDays(6)))).isEqualTo(SlaState.DUE_SOON);
        assertThat(sla.state(Severity.CRITICAL, SEEN, SEEN.plus(Duration.ofDays(8)))).isEqualTo(SlaState.BREACHED);
        assertThat(sla.state(Severity.LOW, SEEN, SEEN.plus(Duration.ofDays(119)))).isEqualTo(SlaState.DUE_SOON);
        assertThat(sla.state(Severity.INFO, SEEN, SEEN.plus(Duration.ofDays(999)))).isEqualTo(SlaState.NONE);
        assertThat(sla.due(Severity.HIGH, SEEN)).contains(SEEN.plus(Duration.ofDays(30)));
    }

    @Test
    void shouldGiveTheWorstResultOfTheThresholdsReached() {
        var gate = new QualityGate(List.of(
                new QualityGate.Threshold(QualityGate.Metric.NEW, Severity.CRITICAL, 1, QualityGate.Status.FAIL),
                new QualityGate.Threshold(QualityGate.Metric.OPEN, Severity.HIGH, 3, QualityGate.Status.UNSTABLE)));

        QualityGate.Result unstable = gate.evaluate(new QualityGate.Input(SeverityCounts.NONE,
                new SeverityCounts(1, 2, 0, 0, 0, 0), SeverityCounts.NONE));
        QualityGate.Result failed = gate.evaluate(new QualityGate.Input(new SeverityCounts(1, 0, 0, 0, 0, 0),
                new SeverityCounts(1, 0, 0, 0, 0, 0), SeverityCounts.NONE));
        QualityGate.Result passed = gate.evaluate(new QualityGate.Input(SeverityCounts.NONE,
                new SeverityCounts(0, 2, 5, 0, 0, 0), SeverityCounts.NONE));

        assertThat(unstable.status()).isEqualTo(QualityGate.Status.UNSTABLE);
        assertThat(unstable.reasons()).containsExactly(
                "unstable: 3 open finding(s) of severity high or worse (limit 3)");
        assertThat(failed.status()).isEqualTo(QualityGate.Status.FAIL);
        assertThat(passed.status()).isEqualTo(QualityGate.Status.PASS);
        assertThat(passed.reasons()).isEmpty();
    }

    @Test
    void shouldCountAtLeastASeverity() {
        var counts = new SeverityCounts(1, 2, 3, 4, 5, 6);

        assertThat(counts.atLeast(Severity.HIGH)).isEqualTo(3);
        assertThat(counts.atLeast(Severity.INFO)).isEqualTo(15);
        assertThat(counts.atLeast(Severity.UNKNOWN)).isEqualTo(6);
        assertThat(counts.total()).isEqualTo(21);
        EqualsVerifier.forClass(SeverityCounts.class).verify();
    }
}
