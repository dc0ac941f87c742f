package io.jenkins.plugins.securitycatalogue.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.posture.RiskPolicy;
import io.jenkins.plugins.securitycatalogue.posture.SlaPolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.store.OnEachDatabase;
import io.jenkins.plugins.securitycatalogue.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The retention policy keeps the catalogue bounded however many builds record, and keeps what is deployed. */
class RetentionTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(new byte[32]);
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final CataloguePolicy POLICY = new CataloguePolicy(RiskPolicy.defaults(), SlaPolicy.defaults(),
            Duration.ofDays(30), 3, Duration.ofDays(30));

    @OnEachDatabase
    void shouldKeepTheNewestScansPerToolAndThoseOfDeployedVersions(TestDatabase database) throws Exception {
        var recorder = new Recorder(database.open(), POLICY);
        recorder.record(request("1.0", "production", 0, "CVE-OLD"));
        for (int day = 1; day <= 6; day++) {
            recorder.record(request("1." + day, null, day, "CVE-" + day));
        }

        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "SELECT service_version FROM scan ORDER BY id"))
                    .containsExactly("1.0", "1.4", "1.5", "1.6");
        }
        var queries = new CatalogueQueries(database.open(), POLICY);
        assertThat(queries.exposure("CVE-OLD")).singleElement()
                .satisfies(hit -> assertThat(hit.environments()).containsExactly("production"));
        assertThat(queries.exposure("CVE-2")).isEmpty();
    }

    @OnEachDatabase
    void shouldForgetPastDeploymentsOlderThanTheHistory(TestDatabase database) throws Exception {
        var recorder = new Recorder(database.open(), POLICY);
        recorder.record(request("1.0", "staging", 0, "CVE-1"));
        recorder.record(request("1.1", "staging", 40, "CVE-1"));
        recorder.record(request("1.2", "staging", 50, "CVE-1"));

        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "SELECT service_version FROM deployment ORDER BY id"))
                    .containsExactly("1.1", "1.2");
        }
    }

    @OnEachDatabase
    void shouldStayBoundedHoweverManyBuildsRecord(TestDatabase database) throws Exception {
        var recorder = new Recorder(database.open(), POLICY);
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int day = 0; day < 60; day++) {
            recorder.record(request("1." + day, "production", day, "CVE-" + day));
            if (day == 39 || day == 59) {
                try (Connection connection = database.connect()) {
                    sizes.add(rows(connection));
                }
            }
        }

        assertThat(sizes.get(1)).as("rows after 40 and after 60 daily builds, with 30 days of deployments kept")
                .isEqualTo(sizes.get(0));
        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "SELECT identifier FROM finding WHERE state = 'OPEN'"))
                    .containsExactly("CVE-59");
        }
    }

    private static RecordingRequest request(String version, String environment, int day, String cve) {
        var finding = new FindingBuilder(HASHER, "Trivy", FindingKind.VULNERABILITY).id(cve)
                .severity(Severity.HIGH).packageName("openssl").target("image").build();
        var report = new ParsedReport("trivy.json", "trivy", List.of(finding), Set.of("Trivy"), Map.of(),
                new ReportLog());
        return new RecordingRequest(ServiceMetadata.named("payments-api"), version, environment, null,
                List.of(report), START.plus(Duration.ofDays(day)));
    }

    private static int rows(Connection connection) throws SQLException {
        int total = 0;
        for (String table : List.of("recording", "deployment", "scan", "scan_finding", "finding",
                "finding_alias")) {
            total += strings(connection, "SELECT COUNT(*) FROM " + table).stream().mapToInt(Integer::parseInt)
                    .sum();
        }
        return total;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
