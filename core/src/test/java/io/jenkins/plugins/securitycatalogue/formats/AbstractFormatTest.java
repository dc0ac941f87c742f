package io.jenkins.plugins.securitycatalogue.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every report format inherits: it is registered, it is told by content from its real examples, and
 * empty and malformed input give the documented result. Fixtures live in {@code src/test/resources} beside this
 * package, in a folder per family with the provenance of each real file.
 */
public abstract class AbstractFormatTest {
    /** The key used to hash secrets in every format test. */
    protected static final SecretHasher HASHER = SecretHasher.withKey("format-tests-key-0123456789".getBytes(
            StandardCharsets.UTF_8));

    @TempDir
    protected Path temporary;

    /** Returns the format under test. */
    protected abstract ReportFormat format();

    /** Returns resource names (relative to this package) of real reports of this format. */
    protected abstract List<String> realExamples();

    @Test
    void shouldBeRegisteredUnderItsId() {
        assertThat(new FormatRegistry().find(format().id())).get().isInstanceOf(format().getClass());
        assertThat(new FormatRegistry().formats()).anyMatch(format -> format.getClass() == format().getClass());
    }

    @Test
    void shouldBeToldByContentFromEveryRealExample() {
        assertThat(realExamples()).isNotEmpty();
        for (String example : realExamples()) {
            assertThat(new FormatRegistry().detect(sniff(example)))
                    .as("format of %s", example)
                    .get().extracting(ReportFormat::id).isEqualTo(format().id());
        }
    }

    @Test
    void shouldReadAnEmptyFileAsNoFindings() throws Exception {
        Path empty = Files.writeString(temporary.resolve("empty.json"), "  \n");

        ParsedReport report = reader().read(ReportInput.of(empty, "empty.json"), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).isEmpty();
    }

    @Test
    void shouldRejectATruncatedReportNamingTheFile() throws Exception {
        byte[] whole = bytes(realExamples().get(0));
        Path truncated = temporary.resolve("truncated-report");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThatThrownBy(() -> reader().read(ReportInput.of(truncated, "reports/truncated-report"), format().id()))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("reports/truncated-report (" + format().displayName() + ")");
    }

    /** Reads a resource of this package as the format under test, by its id. */
    protected ParsedReport read(String resource) {
        try {
            return reader().read(ReportInput.of(resource(resource), resource), format().id());
        }
        catch (ReportException exception) {
            throw new AssertionError(exception.getMessage(), exception);
        }
    }

    /** Reads a resource, telling the format by content. */
    protected ParsedReport detectAndRead(String resource) throws ReportException {
        return reader().read(ReportInput.of(resource(resource), resource), null);
    }

    /** Counts the active (not suppressed) findings by severity. */
    protected static Map<Severity, Long> countBySeverity(ParsedReport report) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        report.findings().stream().filter(finding -> !finding.isSuppressed())
                .forEach(finding -> counts.merge(finding.severity(), 1L, Long::sum));
        return counts;
    }

    /** Returns the one finding with the id and package (package may be null to match any). */
    protected static Finding finding(ParsedReport report, String id, String packageName) {
        List<Finding> matches = report.findings().stream()
                .filter(finding -> finding.id().equals(id))
                .filter(finding -> packageName == null || Objects.equals(finding.packageName(), packageName))
                .toList();
        assertThat(matches).as("findings %s in %s", id, packageName).hasSize(1);
        return matches.get(0);
    }

    protected static ReportReader reader() {
        return new ReportReader(new FormatRegistry(), HASHER);
    }

    protected Sniff sniff(String resource) {
        try (InputStream in = Files.newInputStream(resource(resource))) {
            return Sniff.of(in);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    protected byte[] bytes(String resource) {
        try {
            return Files.readAllBytes(resource(resource));
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    protected Path resource(String name) {
        URL url = getClass().getResource(name);
        assertThat(url).as("test resource %s beside %s", name, getClass().getSimpleName()).isNotNull();
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException exception) {
            throw new IllegalStateException(exception);
        }
    }
}
