package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on each database: it survives a reopen, keeps its secret key, loses nothing under concurrent writers. */
class CatalogueStoreTest {
    @TempDir
    Path directory;

    @OnEachDatabase
    void shouldKeepRecordingsAndTheSecretKeyWhenReopened(TestDatabase database) throws Exception {
        String hash;
        try (CatalogueStore store = database.open()) {
            hash = store.secretHasher().hash("AKIAIOSFODNN7EXAMPLE");
            new Recorder(store, CataloguePolicy.defaults()).record(request("billing", 0, "Grype"));
        }

        try (CatalogueStore reopened = database.open()) {
            assertThat(reopened.secretHasher().hash("AKIAIOSFODNN7EXAMPLE")).isEqualTo(hash);
            assertThat(reopened.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(new CatalogueQueries(reopened, CataloguePolicy.defaults()).services(ServiceFilter.ALL))
                    .singleElement().satisfies(service -> assertThat(service.open().high()).isEqualTo(1));
        }
    }

    @OnEachDatabase
    void shouldLoseNoUpdateWhenEightThreadsRecordTheSameServiceAtOnce(TestDatabase database) throws Exception {
        try (CatalogueStore store = database.open(8)) {
            Recorder recorder = new Recorder(store, CataloguePolicy.defaults());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int number = thread;
                futures.add(pool.submit((Callable<Object>) () -> recorder.record(
                        request("payments-api", number, "Tool " + number))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();

            var details = new CatalogueQueries(store, CataloguePolicy.defaults()).service("payments-api").orElseThrow();
            assertThat(details.scans()).hasSize(8);
            assertThat(details.findings()).hasSize(8);
            assertThat(details.recordings()).hasSize(8);
            assertThat(details.summary().open().high()).isEqualTo(8);
        }
    }

    @Test
    void shouldRefuseADirectoryThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> CatalogueStore.openDirectory(file.resolve("catalogue")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot create the catalogue directory");
    }

    private static RecordingRequest request(String service, int number, String tool) {
        var finding = new FindingBuilder(io.jenkins.plugins.securitycatalogue.model.SecretHasher.withKey(new byte[16]),
                tool, FindingKind.VULNERABILITY).id("CVE-2026-" + (1000 + number)).severity(Severity.HIGH)
                .packageName("zlib").build();
        var report = new ParsedReport("report-" + number, "test", List.of(finding), Set.of(tool), Map.of(),
                new ReportLog());
        return new RecordingRequest(ServiceMetadata.named(service), "1." + number, "staging", null, List.of(report),
                Instant.now());
    }
}
