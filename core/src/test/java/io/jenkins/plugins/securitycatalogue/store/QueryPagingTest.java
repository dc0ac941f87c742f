package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ExposureHit;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.query.ServiceSummary;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The paged services table and the indexed lookups of V4 answer as the unpaged, unindexed queries did. */
class QueryPagingTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-01T09:00:00Z");

    @OnEachDatabase
    void shouldPageTheServicesInTheOrderOfTheWholeTable(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open()) {
            recordServices(store);
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);
            List<String> all = names(queries.services(ServiceFilter.ALL));

            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < all.size() + 3; offset += 3) {
                paged.addAll(names(queries.services(ServiceFilter.ALL, offset, 3)));
            }

            assertThat(all).hasSize(7).startsWith("svc-6", "svc-5");
            assertThat(paged).isEqualTo(all);
            assertThat(queries.services(ServiceFilter.ALL, 7, 10)).isEmpty();
        }
    }

    @OnEachDatabase
    void shouldFilterAPageAsTheWholeTable(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open()) {
            recordServices(store);
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);

            for (ServiceFilter filter : List.of(new ServiceFilter("TEAM-ODD", null, null),
                    new ServiceFilter(null, "production", null), new ServiceFilter(null, null, Severity.CRITICAL),
                    new ServiceFilter("team-even", "staging", Severity.HIGH))) {
                List<ServiceSummary> whole = queries.services(filter);
                assertThat(queries.services(filter, 0, 100)).isEqualTo(whole);
                assertThat(queries.services(filter, 1, 2)).isEqualTo(whole.subList(Math.min(1, whole.size()),
                        Math.min(3, whole.size())));
            }
            assertThat(names(queries.services(new ServiceFilter("Team-Odd", null, null))))
                    .containsExactly("svc-5", "svc-3", "svc-1");
            assertThat(queries.services(new ServiceFilter(null, "production", Severity.CRITICAL), 0, 10))
                    .extracting(ServiceSummary::name).containsExactly("svc-6", "svc-4", "svc-2");
        }
    }

    @OnEachDatabase
    void shouldCountBreachesOfAPageAsOfOneService(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open()) {
            recordServices(store);
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);

            for (ServiceSummary summary : queries.services(ServiceFilter.ALL, 0, 4)) {
                assertThat(summary.slaBreached())
                        .isEqualTo(queries.service(summary.name()).orElseThrow().summary().slaBreached());
            }
            assertThat(queries.services(ServiceFilter.ALL, 0, 1).get(0).slaBreached().critical()).isEqualTo(6);
        }
    }

    @OnEachDatabase
    void shouldRefuseAnInvalidPage(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open()) {
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults());

            assertThatThrownBy(() -> queries.services(ServiceFilter.ALL, -1, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> queries.services(ServiceFilter.ALL, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @OnEachDatabase
    void shouldFindExposureByAnyCaseOfPackageOrPurl(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open()) {
            recordServices(store);
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);

            assertThat(queries.exposure("LibSSL")).hasSize(7)
                    .allSatisfy(hit -> assertThat(hit.packageName()).isEqualTo("libssl"));
            assertThat(queries.exposure("pkg:DEB/debian/libssl")).extracting(ExposureHit::service)
                    .containsExactly("svc-0", "svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6");
            assertThat(queries.exposure("pkg:deb/debian/libssl@3")).isEmpty();
            assertThat(queries.exposure("pkg:deb/debian/libss")).isEmpty();
            assertThat(queries.exposure("cve-2026-7001")).extracting(ExposureHit::service, ExposureHit::environments)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("svc-1", List.of("staging")));
        }
    }

    @OnEachDatabase
    void shouldFillTheLookupKeysOfAMigratedCatalogue(TestDatabase database) throws Exception {
        CatalogueStore store = MigrationHarness.at(database, 1, "schema-v1-data.sql").openWithCurrentCode();
        try (store) {
            var queries = new CatalogueQueries(store, CataloguePolicy.defaults(), () -> LATER);

            assertThat(queries.exposure("OpenSSL")).extracting(ExposureHit::service).contains("payments-api");
            assertThat(queries.exposure("PKG:APK/alpine/openssl")).extracting(ExposureHit::service)
                    .contains("payments-api");
            assertThat(names(queries.services(new ServiceFilter("Payments", null, null), 0, 10)))
                    .containsExactly("payments-api");
        }
    }

    /**
     * Records seven services: svc-n has n critical findings (so svc-6 is the riskiest), is in team-odd or
     * team-even, deployed to production when n is even and to staging when odd. Every service has libssl.
     */
    private static void recordServices(CatalogueStore store) throws Exception {
        var recorder = new Recorder(store, CataloguePolicy.defaults());
        for (int n = 0; n < 7; n++) {
            List<Finding> findings = new ArrayList<>();
            for (int critical = 0; critical < n; critical++) {
                findings.add(finding(store, "CVE-2026-" + (1000 * n + critical), Severity.CRITICAL, "zlib-" + n));
            }
            findings.add(finding(store, "CVE-2026-" + (7000 + n), Severity.HIGH, "libssl"));
            var report = new ParsedReport("trivy.json", "trivy", findings, Set.of("Trivy"), Map.of(), new ReportLog());
            var service = new ServiceMetadata("svc-" + n, n % 2 == 0 ? "team-even" : "team-odd", null, null, null,
                    Map.of());
            recorder.record(new RecordingRequest(service, "1." + n, n % 2 == 0 ? "production" : "staging", null,
                    List.of(report), AT));
        }
    }

    private static Finding finding(CatalogueStore store, String id, Severity severity, String pkg) {
        return new FindingBuilder(store.secretHasher(), "Trivy", FindingKind.VULNERABILITY).id(id)
                .severity(severity).packageName(pkg).purl("pkg:deb/debian/" + pkg + "@1.0").target("image")
                .build();
    }

    private static List<String> names(List<ServiceSummary> services) {
        return services.stream().map(ServiceSummary::name).toList();
    }
}
