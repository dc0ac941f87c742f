package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of the incident model: ids, severities, times, timeline order and action items. */
class IncidentModelTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void shouldWriteAndReadIdsPeopleCanSayAloud() {
        assertThat(new IncidentId(2026, 14)).hasToString("INC-2026-014");
        assertThat(IncidentId.parse("inc-2026-014")).isEqualTo(new IncidentId(2026, 14));
        assertThat(IncidentId.parse("INC-2026-1234")).hasToString("INC-2026-1234");
        assertThatThrownBy(() -> IncidentId.parse("2026-14")).hasMessageContaining("INC-2026-014");
    }

    @Test
    void shouldParseSeveritiesAndStatusesAsPeopleTypeThem() {
        assertThat(IncidentSeverity.parse("sev-1")).isEqualTo(IncidentSeverity.SEV1);
        assertThat(IncidentSeverity.parse("3")).isEqualTo(IncidentSeverity.SEV3);
        assertThat(IncidentStatus.parse("in review")).isEqualTo(IncidentStatus.IN_REVIEW);
        assertThat(IncidentStatus.parse("in-review")).isEqualTo(IncidentStatus.IN_REVIEW);
        assertThatThrownBy(() -> IncidentSeverity.parse("SEV5")).hasMessageContaining("SEV1, SEV2, SEV3 or SEV4");
        assertThat(IncidentSeverity.SEV1.meaning()).contains("critical");
    }

    @Test
    void shouldFollowTheLifecycle() {
        assertThat(IncidentStatus.DRAFT.canMoveTo(IncidentStatus.IN_REVIEW)).isTrue();
        assertThat(IncidentStatus.DRAFT.canMoveTo(IncidentStatus.PUBLISHED)).isFalse();
        assertThat(IncidentStatus.IN_REVIEW.canMoveTo(IncidentStatus.PUBLISHED)).isTrue();
        assertThat(IncidentStatus.IN_REVIEW.canMoveTo(IncidentStatus.DRAFT)).isTrue();
        assertThat(IncidentStatus.PUBLISHED.canMoveTo(IncidentStatus.DRAFT)).isFalse();
    }

    @Test
    void shouldRefuseTimesOutOfOrderNamingBoth() {
        assertThatThrownBy(() -> new IncidentTimes(NOON, NOON.minusSeconds(60), null, null))
                .hasMessage("The incident cannot be detected (2026-03-01 11:59 UTC) before it was started "
                        + "(2026-03-01 12:00 UTC)");
        assertThatThrownBy(() -> new IncidentTimes(null, NOON, NOON.minusSeconds(1), null))
                .hasMessageContaining("mitigated").hasMessageContaining("before it was detected");
        assertThatThrownBy(() -> new IncidentTimes(null, null, NOON, NOON.minusSeconds(1)))
                .hasMessageContaining("resolved").hasMessageContaining("before it was mitigated");
        assertThatThrownBy(() -> new IncidentTimes(NOON, null, null, NOON.minusSeconds(1)))
                .hasMessageContaining("resolved").hasMessageContaining("before it was started");
    }

    @Test
    void shouldComputeTimesFromTheStart() {
        IncidentTimes times = new IncidentTimes(NOON, NOON.plusSeconds(600), NOON.plusSeconds(3600), null);

        assertThat(times.timeToDetect()).hasValueSatisfying(d -> assertThat(d.toMinutes()).isEqualTo(10));
        assertThat(times.timeToMitigate()).hasValueSatisfying(d -> assertThat(d.toMinutes()).isEqualTo(60));
        assertThat(times.timeToResolve()).isEmpty();
    }

    @Test
    void shouldRefuseATimelineOutOfOrder() {
        var builder = PostMortem.builder("Token leak", IncidentSeverity.SEV2).timeline(List.of(
                new TimelineEntry(NOON, "Token revoked"), new TimelineEntry(NOON.minusSeconds(3600), "Reported")));

        assertThatThrownBy(builder::build).hasMessageContaining("Timeline entries must be in time order")
                .hasMessageContaining("entry 2 (2026-03-01 11:00 UTC, Reported) comes before entry 1");
    }

    @Test
    void shouldTellOverdueActionItemsAndRefuseUnsafeTrackerLinks() {
        var item = new ActionItem("Rotate keys", "security", ActionItem.Type.PREVENT, ActionItem.Priority.P1,
                LocalDate.parse("2026-02-01"), ActionItem.State.OPEN, "https://tracker.example.org/SEC-1");

        assertThat(item.isOverdue(LocalDate.parse("2026-02-02"))).isTrue();
        assertThat(item.isOverdue(LocalDate.parse("2026-02-01"))).isFalse();
        assertThat(new ActionItem("x", null, ActionItem.Type.DETECT, ActionItem.Priority.P2,
                LocalDate.parse("2026-01-01"), ActionItem.State.DONE, null).isOverdue(LocalDate.parse("2026-06-01")))
                .isFalse();
        assertThatThrownBy(() -> new ActionItem("x", null, ActionItem.Type.DETECT, ActionItem.Priority.P2, null,
                ActionItem.State.OPEN, "javascript:alert(1)")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new Reference("x", "file:///etc/passwd")).hasMessageContaining("http or https");
    }

    @Test
    void shouldListWhatIsMissingBeforePublication() {
        PostMortem draft = PostMortem.builder("Token leak", IncidentSeverity.SEV2).summary("A token leaked.")
                .actionItems(List.of(ActionItem.of("Rotate the token"))).build();

        assertThat(PublicationRules.missing(draft)).containsExactly("impact", "timeline", "detection",
                "response and recovery", "root causes", "lessons learned", "time started", "time detected",
                "time resolved", "owner of action item 1", "due date of action item 1");
    }

    @Test
    void shouldValidateSecurityIdentifiers() {
        var details = new SecurityDetails(List.of("cve-2021-44228", "GHSA-JFH8-c2jp-5v3q"), List.of(),
                List.of("payments-api"), List.of("production"), List.of("1.4.2"), null, null,
                SecurityDetails.Disclosure.UNKNOWN);

        assertThat(details.vulnerabilities()).containsExactly("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");
        assertThatThrownBy(() -> new SecurityDetails(List.of(), List.of(), List.of("bad name!"), List.of(),
                List.of(), null, null, SecurityDetails.Disclosure.UNKNOWN)).hasMessageContaining("bad name!");
    }
}
