package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;

/**
 * Two catalogue stores on one database, as two Jenkins controllers sharing a catalogue, record the same services
 * at the same time: nothing is lost, no service is duplicated, first-seen times stay those of the first record.
 */
class SeveralWritersTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(new byte[32]);
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> SERVICES = List.of("payments-api", "web-shop", "ledger");
    private static final int THREADS_PER_CONTROLLER = 3;
    private static final int RECORDINGS_PER_THREAD = 6;

    @OnEachDatabase
    void shouldLoseNothingWhenTwoControllersRecordTheSameServicesAtOnce(TestDatabase database) throws Exception {
        List<Recorder> controllers = List.of(recorder(database.open(4)), recorder(database.open(4)));
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_CONTROLLER);
        var gate = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int controller = 0; controller < 2; controller++) {
            for (int thread = 0; thread < THREADS_PER_CONTROLLER; thread++) {
                futures.add(pool.submit(writer(controllers.get(controller), "c" + controller + "t" + thread, gate)));
            }
        }

        gate.countDown();
        for (Future<Object> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        try (Connection connection = database.connect()) {
            checkEverythingIsThere(connection);
        }
    }

    private static Recorder recorder(CatalogueStore store) {
        return new Recorder(store, CataloguePolicy.defaults());
    }

    /** Each writer records every service in turn, with its own tool and the shared "Trivy" finding. */
    private static Callable<Object> writer(Recorder recorder, String name, CountDownLatch gate) {
        return () -> {
            gate.await();
            for (int number = 0; number < RECORDINGS_PER_THREAD; number++) {
                String service = SERVICES.get(number % SERVICES.size());
                Instant at = START.plus(Duration.ofMinutes(number));
                recorder.record(new RecordingRequest(ServiceMetadata.named(service), name + "." + number,
                        "production", null, List.of(report(name), report("shared")), at));
            }
            return name;
        };
    }

    private static ParsedReport report(String writer) {
        String tool = "shared".equals(writer) ? "Trivy" : "Tool-" + writer;
        var finding = new FindingBuilder(HASHER, tool, FindingKind.VULNERABILITY)
                .id("shared".equals(writer) ? "CVE-2026-0001" : "CVE-" + writer).severity(Severity.HIGH)
                .packageName("zlib").target("image").build();
        return new ParsedReport(tool + ".json", "test", List.of(finding), Set.of(tool), Map.of(), new ReportLog());
    }

    private static void checkEverythingIsThere(Connection connection) throws SQLException {
        int writers = 2 * THREADS_PER_CONTROLLER;
        var softly = new SoftAssertions();
        softly.assertThat(count(connection, "SELECT COUNT(*) FROM service")).isEqualTo(SERVICES.size());
        softly.assertThat(count(connection, "SELECT COUNT(DISTINCT name) FROM service")).isEqualTo(SERVICES.size());
        softly.assertThat(count(connection, "SELECT COUNT(*) FROM recording"))
                .isEqualTo(writers * RECORDINGS_PER_THREAD);
        softly.assertThat(count(connection, "SELECT COUNT(*) FROM deployment WHERE current_deployment = TRUE"))
                .as("one current deployment per service").isEqualTo(SERVICES.size());
        for (String service : SERVICES) {
            String id = "(SELECT id FROM service WHERE name = '" + service + "')";
            softly.assertThat(count(connection, "SELECT COUNT(*) FROM finding WHERE state = 'OPEN' AND service_id = "
                    + id)).as("open findings of %s", service).isEqualTo(writers + 1);
            softly.assertThat(count(connection, "SELECT open_high FROM service WHERE id = " + id))
                    .as("the counts on %s agree with its findings", service).isEqualTo(writers + 1);
            softly.assertThat(count(connection, "SELECT COUNT(*) FROM finding f WHERE f.service_id = " + id
                    + " AND f.first_recording_id <> (SELECT MIN(r.id) FROM recording r WHERE r.service_id = " + id
                    + " AND EXISTS (SELECT 1 FROM scan s WHERE s.recording_id = r.id AND s.tool = f.tool))"))
                    .as("findings of %s whose first recording is not their tool's first", service).isZero();
            softly.assertThat(count(connection, "SELECT COUNT(*) FROM finding f JOIN recording r "
                    + "ON r.id = f.first_recording_id WHERE f.first_seen <> r.recorded_at AND f.service_id = " + id))
                    .as("findings of %s whose first-seen is not their first recording's time", service).isZero();
        }
        softly.assertAll();
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
