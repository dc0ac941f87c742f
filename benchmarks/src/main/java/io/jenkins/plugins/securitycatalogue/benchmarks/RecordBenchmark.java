package io.jenkins.plugins.securitycatalogue.benchmarks;

import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingBuilder;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P2: one recording of a 2,000-finding scan into a catalogue of 1,000 services on H2. Successive recordings
 * alternate between two scans that differ by 5 %, so each one adds, keeps and fixes findings as a real build does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordBenchmark {
    @Param("h2")
    public String database;

    @Param("1000")
    public int services;

    @Param("2000")
    public int findings;

    private Catalogues catalogues;
    private Recorder recorder;
    private final List<ParsedReport> scans = new ArrayList<>();
    private int recordings;
    /**
     * A new service in each run: the catalogue is cached between runs, and a service's history (a year of
     * deployments is kept) would otherwise grow from run to run and make runs incomparable.
     */
    private final String service = "bench-service-" + System.currentTimeMillis();

    /** Opens the seeded catalogue and builds the two scans. */
    @Setup
    public void prepare() throws Exception {
        catalogues = Catalogues.open(database, services, 200);
        recorder = new Recorder(catalogues.store(), CataloguePolicy.defaults());
        scans.add(scan(0));
        scans.add(scan(findings / 20));
        recorder.record(request(0));
    }

    /** Closes the catalogue. */
    @TearDown
    public void close() throws Exception {
        catalogues.close();
    }

    /** Records the next build of the service. */
    @Benchmark
    public Object record() throws Exception {
        return recorder.record(request(++recordings));
    }

    private RecordingRequest request(int number) {
        return new RecordingRequest(ServiceMetadata.named(service), "2." + number, "production", null,
                List.of(scans.get(number % 2)), Instant.parse("2026-03-01T09:00:00Z").plus(Duration.ofHours(number)));
    }

    private ParsedReport scan(int shift) {
        var hasher = catalogues.store().secretHasher();
        List<Finding> list = new ArrayList<>();
        for (int index = shift; index < findings + shift; index++) {
            list.add(new FindingBuilder(hasher, "Trivy", FindingKind.VULNERABILITY).id("CVE-2025-" + (10000 + index))
                    .severity(Severity.values()[index % 5]).packageName("package-" + index % 300)
                    .installedVersion("1." + index % 9).fixedVersion("2.0").target("image")
                    .title("Out-of-bounds write in package-" + index % 300).build());
        }
        return new ParsedReport("trivy.json", "trivy", list, Set.of("Trivy"), Map.of(), new ReportLog());
    }
}
