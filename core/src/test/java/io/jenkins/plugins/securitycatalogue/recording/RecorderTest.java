package io.jenkins.plugins.securitycatalogue.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.OnEachDatabase;
import io.jenkins.plugins.securitycatalogue.store.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merging successive scans of one tool: new, still open with its first-seen time, fixed, reopened. */
class RecorderTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(new byte[32]);
    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    private Recorder recorder;
    private CatalogueQueries queries;

    private void open(TestDatabase database) throws Exception {
        CatalogueStore store = database.open();
        recorder = new Recorder(store, CataloguePolicy.defaults());
        queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> MONDAY.plus(Duration.ofDays(10)));
    }

    @OnEachDatabase
    void shouldTrackNewStillOpenAndFixedAcrossThreeRecordings(TestDatabase database) throws Exception {
        open(database);

        RecordingResult first = record("1.0", MONDAY, report(vulnerability("CVE-1", Severity.CRITICAL),
                vulnerability("CVE-2", Severity.HIGH)));
        RecordingResult second = record("1.1", MONDAY.plus(Duration.ofDays(1)),
                report(vulnerability("CVE-2", Severity.HIGH), vulnerability("CVE-3", Severity.LOW)));
        RecordingResult third = record("1.2", MONDAY.plus(Duration.ofDays(2)),
                report(vulnerability("CVE-1", Severity.CRITICAL), vulnerability("CVE-3", Severity.LOW)));

        assertThat(first.tools()).singleElement().satisfies(change -> {
            assertThat(change.added()).isEqualTo(2);
            assertThat(change.fixed()).isZero();
        });
        assertThat(second.tools()).singleElement().satisfies(change -> {
            assertThat(change.added()).isEqualTo(1);
            assertThat(change.stillOpen()).isEqualTo(1);
            assertThat(change.fixed()).isEqualTo(1);
        });
        assertThat(second.fixedFindings()).extracting(finding -> finding.id()).containsExactly("CVE-1");
        assertThat(third.tools()).singleElement().satisfies(change -> {
            assertThat(change.reopened()).isEqualTo(1);
            assertThat(change.fixed()).isEqualTo(1);
        });
        ServiceDetails details = queries.service("payments-api").orElseThrow();
        assertThat(details.findings()).extracting(stored -> stored.finding().id()).containsExactly("CVE-1", "CVE-3");
        assertThat(details.findings().get(0).firstSeen()).isEqualTo(MONDAY);
        assertThat(details.findings().get(1).firstSeen()).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
        assertThat(details.findings().get(0).sla()).isEqualTo(io.jenkins.plugins.securitycatalogue.posture.SlaState.BREACHED);
        assertThat(queries.services(ServiceFilter.ALL)).singleElement().satisfies(summary -> {
            assertThat(summary.open().critical()).isEqualTo(1);
            assertThat(summary.open().low()).isEqualTo(1);
            assertThat(summary.risk().total()).isEqualTo(11);
            assertThat(summary.slaBreached().critical()).isEqualTo(1);
        });
    }

    @OnEachDatabase
    void shouldNotFixAnythingWhenTheScanDidNotComplete(TestDatabase database) throws Exception {
        open(database);
        record("1.0", MONDAY, report(vulnerability("CVE-1", Severity.HIGH)));

        RecordingResult failed = record("1.1", MONDAY.plus(Duration.ofDays(1)),
                new ParsedReport("r.json", "test", List.of(), Set.of("Trivy"), Map.of("Trivy", "DB error"),
                        new ReportLog()));

        assertThat(failed.fixedFindings()).isEmpty();
        assertThat(failed.open().high()).isEqualTo(1);
    }

    @OnEachDatabase
    void shouldLetAScanFixOnlyFindingsOfTheTargetsItLookedAt(TestDatabase database) throws Exception {
        open(database);
        ParsedReport image = scoped("image.json", "registry/app", vulnerability("CVE-1", Severity.HIGH)
                .target("registry/app:1.0"));
        ParsedReport files = scoped("fs.json", "requirements.txt", vulnerability("CVE-2", Severity.LOW)
                .target("requirements.txt"));
        ParsedReport cleanImage = scoped("image.json", "registry/app", null);

        record("1.0", MONDAY, image);
        RecordingResult afterFiles = record("1.0", MONDAY.plus(Duration.ofHours(1)), files);
        RecordingResult afterCleanImage = record("1.1", MONDAY.plus(Duration.ofHours(2)), cleanImage);

        assertThat(afterFiles.fixedFindings()).isEmpty();
        assertThat(afterFiles.open().high()).isEqualTo(1);
        assertThat(afterCleanImage.fixedFindings()).extracting(finding -> finding.id()).containsExactly("CVE-1");
        assertThat(afterCleanImage.open().low()).isEqualTo(1);
    }

    private static ParsedReport scoped(String file, String target, FindingBuilder finding) {
        return new ParsedReport(file, "trivy", finding == null ? List.of() : List.of(finding.build()),
                Set.of("Trivy"), Map.of(), new ReportLog(), Map.of("Trivy", Set.of(target)));
    }

    private RecordingResult record(String version, Instant at, ParsedReport... reports) throws Exception {
        return recorder.record(new RecordingRequest(new ServiceMetadata("payments-api", "payments", null, null, null,
                Map.of("grafana", "https://grafana.example.org/d/payments")), version, "production",
                new BuildReference("payments/main", 12L, "https://ci.example.org/job/payments/12/"),
                Arrays.asList(reports), at));
    }

    private static ParsedReport report(FindingBuilder... findings) {
        return new ParsedReport("trivy.json", "trivy",
                Arrays.stream(findings).map(FindingBuilder::build).toList(), Set.of("Trivy"), Map.of(),
                new ReportLog());
    }

    private static FindingBuilder vulnerability(String id, Severity severity) {
        return new FindingBuilder(HASHER, "Trivy", FindingKind.VULNERABILITY).id(id).severity(severity)
                .packageName("openssl").installedVersion("1.1.1").target("image");
    }
}
