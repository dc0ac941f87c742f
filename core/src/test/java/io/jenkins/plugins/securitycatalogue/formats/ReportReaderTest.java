package io.jenkins.plugins.securitycatalogue.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input, whatever the format: a clear error naming the file, never a stack trace. */
class ReportReaderTest {
    @TempDir
    Path directory;

    private final ReportReader reader = new ReportReader(new FormatRegistry(), AbstractFormatTest.HASHER);

    @Test
    void shouldRefuseDeeplyNestedJsonWithAClearMessage() throws Exception {
        Path nested = Files.writeString(directory.resolve("nested.sarif"),
                "{\"version\": \"2.1.0\", \"runs\": [" + "[".repeat(5_000) + "]".repeat(5_000) + "]}");

        assertThatThrownBy(() -> reader.read(ReportInput.of(nested, "nested.sarif"), "sarif"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("nested.sarif (SARIF)")
                .hasMessageContaining("nest");
    }

    @Test
    void shouldRefuseInvalidUtf8NamingThePosition() throws Exception {
        Path invalid = directory.resolve("invalid.sarif");
        byte[] start = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"".getBytes();
        byte[] end = "\"}}}]}".getBytes();
        byte[] content = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, content, 0, start.length);
        content[start.length] = (byte) 0xc3;
        content[start.length + 1] = (byte) 0x28;
        System.arraycopy(end, 0, content, start.length + 2, end.length);
        Files.write(invalid, content);

        assertThatThrownBy(() -> reader.read(ReportInput.of(invalid, "invalid.sarif"), null))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("invalid.sarif (SARIF) at line 1")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void shouldRefuseContentOfNoKnownFormat() throws Exception {
        Path unknown = Files.writeString(directory.resolve("report.json"), "{\"hello\": \"world\"}");

        assertThatThrownBy(() -> reader.read(ReportInput.of(unknown, "report.json"), null))
                .isInstanceOf(ReportException.class)
                .hasMessage("report.json: not a report format the catalogue recognises (json object with keys "
                        + "[hello]); name its format if it is one of analysis-model's");
    }

    @Test
    void shouldRefuseAnUnknownFormatId() throws Exception {
        Path file = Files.writeString(directory.resolve("r.json"), "{}");

        assertThatThrownBy(() -> reader.read(ReportInput.of(file, "r.json"), "no-such-format"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("unknown format 'no-such-format'")
                .hasMessageContaining("sarif");
    }

    @Test
    void shouldReadAnEmptyFileAsNothingAndSaySo() throws Exception {
        Path empty = Files.write(directory.resolve("empty.json"), new byte[0]);

        ParsedReport report = reader.read(ReportInput.of(empty, "empty.json"), null);

        assertThat(report.format()).isEqualTo(ReportReader.EMPTY);
        assertThat(report.findings()).isEmpty();
        assertThat(report.log().messages()).singleElement().asString().contains("empty.json", "empty");
    }

    @Test
    void shouldRefuseAPlaceholderEvenWhenTheFormatIsNamed() throws Exception {
        Path placeholder = Files.writeString(directory.resolve("grype.json"), "{}");

        assertThatThrownBy(() -> reader.read(ReportInput.of(placeholder, "grype.json"), "grype"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("grype.json (Grype JSON): the content is not a report of this format");
    }

    @Test
    void shouldReadAnEmptyFileAsNothingWhenTheFormatIsNamed() throws Exception {
        Path empty = Files.write(directory.resolve("checkstyle.xml"), new byte[0]);

        assertThat(reader.read(ReportInput.of(empty, "checkstyle.xml"), "checkstyle").findings()).isEmpty();
        assertThat(reader.read(ReportInput.of(empty, "trivy.json"), "trivy").format()).isEqualTo(ReportReader.EMPTY);
    }
}
