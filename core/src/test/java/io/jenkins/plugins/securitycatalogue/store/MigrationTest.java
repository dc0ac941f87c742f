package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Catalogues made by older versions keep all their data when the current version opens them. */
class MigrationTest {
    private static final Instant LATER = Instant.parse("2026-02-01T09:00:00Z");

    @OnEachDatabase
    void shouldKeepEverythingOfASchemaV1Catalogue(TestDatabase database) throws Exception {
        var harness = MigrationHarness.at(database, 1, "schema-v1-data.sql");
        assertThat(harness.snapshot().get("finding")).hasSize(3);

        CatalogueStore store = harness.openWithCurrentCode();

        ServiceDetails payments = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER)
                .service("payments-api").orElseThrow();
        assertThat(payments.findings()).singleElement().satisfies(open -> {
            assertThat(open.finding().id()).isEqualTo("CVE-2026-0001");
            assertThat(open.firstSeen()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        });
        assertThat(payments.suppressed()).hasSize(1);
        assertThat(payments.summary().links()).containsEntry("grafana", "https://grafana.example.org/d/payments");
        assertThat(store.secretHasher().hash("x")).isEqualTo(
                io.jenkins.plugins.securitycatalogue.model.SecretHasher.withKey(key()).hash("x"));
    }

    @OnEachDatabase
    void shouldRecordIntoAMigratedCatalogue(TestDatabase database) throws Exception {
        CatalogueStore store = MigrationHarness.at(database, 1, "schema-v1-data.sql").openWithCurrentCode();
        var finding = new FindingBuilder(store.secretHasher(), "Trivy", FindingKind.VULNERABILITY)
                .id("CVE-2026-0009").severity(Severity.LOW).packageName("curl").target("image").build();

        new Recorder(store, CataloguePolicy.defaults()).record(new RecordingRequest(
                ServiceMetadata.named("web-shop"), "2.1", "staging", null, List.of(new ParsedReport("t.json",
                        "trivy", List.of(finding), Set.of("Trivy"), Map.of(), new ReportLog())), LATER));

        var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);
        assertThat(queries.service("web-shop").orElseThrow().findings()).hasSize(1);
        assertThat(queries.service("payments-api").orElseThrow().findings()).hasSize(1);
    }

    @Test
    void shouldNameEveryScriptWithItsVersionInOrder() {
        List<Integer> versions = Migrations.SCRIPTS.stream().map(Migrations::version).toList();

        assertThat(versions).isSorted().doesNotHaveDuplicates().startsWith(1);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        for (int index = 0; index < key.length; index++) {
            key[index] = (byte) index;
        }
        return key;
    }
}
