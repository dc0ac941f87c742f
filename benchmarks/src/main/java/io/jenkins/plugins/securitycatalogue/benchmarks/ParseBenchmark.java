package io.jenkins.plugins.securitycatalogue.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.registry.ParserRegistry;
import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.ReportReader;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P1: parsing one large report with our parser, with analysis-model's parser for the same format, and with a
 * bare Jackson token pass over the same bytes (the floor no parser can beat). {@link Benchmarks} sets
 * {@code format} to the formats our registry has when it runs, and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmark {
    /** analysis-model's parser id for each of our format ids. */
    static final Map<String, String> ANALYSIS_MODEL_IDS = Map.of("sarif", "sarif", "trivy", "trivy", "grype",
            "grype", "cyclonedx", "cyclone-dx", "dependency-check-json", "owasp-dependency-check");

    @Param("sarif")
    public String format;

    @Param("10")
    public int megabytes;

    /** analysis-model's SARIF library warns per result on stderr; silenced so that console I/O is not timed. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("se.bjurr");

    private Path file;
    private ReportReader reader;
    private final JsonFactory json = new JsonFactory();

    /** Generates (or finds cached) the report and prepares the parsers. */
    @Setup
    public void prepare() {
        QUIET.setLevel(java.util.logging.Level.SEVERE);
        if (new FormatRegistry().formats().stream().noneMatch(known -> known.id().equals(format))) {
            throw new IllegalStateException("Our registry has no format " + format + " yet");
        }
        file = ReportGenerator.report(format, megabytes);
        reader = new ReportReader(new FormatRegistry(), SecretHasher.withKey(new byte[32]));
    }

    /** Our streaming parser, as the recorder calls it. */
    @Benchmark
    public int catalogue() throws Exception {
        return reader.read(ReportInput.of(file, file.getFileName().toString()), format).findings().size();
    }

    /** analysis-model's parser of the same format, as warnings-ng would call it. */
    @Benchmark
    public int analysisModel() {
        return new ParserRegistry().get(ANALYSIS_MODEL_IDS.get(format)).createParser()
                .parse(new FileReaderFactory(file)).size();
    }

    /** Every token of the file and nothing else: the floor. */
    @Benchmark
    public long jacksonBare() throws IOException {
        long tokens = 0;
        try (JsonParser parser = json.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
