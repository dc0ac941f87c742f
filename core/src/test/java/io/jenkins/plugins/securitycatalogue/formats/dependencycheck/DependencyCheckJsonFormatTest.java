package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.formats.AbstractFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class DependencyCheckJsonFormatTest extends AbstractFormatTest {
    private static final String TOOL = "OWASP Dependency-Check";
    private static final String REAL = "dc-8.2.1-npm-analysis-exception-no-vulns.json";
    private static final String HANDMADE = "handmade-dc-1.1-schema-vulnerabilities-suppressed.json";

    @Override
    protected ReportFormat format() {
        return new DependencyCheckJsonFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(REAL);
    }

    @Test
    void shouldNotTakeTheCleanLookingReportWithAnAnalysisExceptionAsACleanScan() {
        ParsedReport report = read(REAL);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).containsOnlyKeys(TOOL);
        assertThat(report.incomplete().get(TOOL))
                .startsWith("1 analysis exception(s), first: org.owasp.dependencycheck.analyzer.exception"
                        + ".SearchException: Could not perform Node Audit analysis.")
                .doesNotContain("NodeAuditSearch.java");
        assertThat(report.log().messages()).extracting(ReportLog.Message::text)
                .anyMatch(text -> text.contains("the OWASP Dependency-Check scan did not complete"));
    }

    @Test
    void shouldReadEveryVulnerabilityWithItsPackageSeverityAndCvss() {
        ParsedReport report = read(HANDMADE);

        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 2L, Severity.MEDIUM, 3L,
                Severity.UNKNOWN, 1L));
        assertThat(report.findings()).hasSize(7);
        assertThat(report.incomplete()).isEmpty();

        var softly = new SoftAssertions();
        Finding word = finding(report, "CVE-2019-12384", null);
        softly.assertThat(word.tool()).isEqualTo(TOOL);
        softly.assertThat(word.severity()).as("the report's own word").isEqualTo(Severity.MEDIUM);
        softly.assertThat(word.cvssScore()).isEqualTo(5.9);
        softly.assertThat(word.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N");
        softly.assertThat(word.cwes()).as("NVD-CWE-Other is no CWE").containsExactly("CWE-502");
        softly.assertThat(word.packageName()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
        softly.assertThat(word.purl()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8");
        softly.assertThat(word.installedVersion()).isEqualTo("2.9.8");
        softly.assertThat(word.fixedVersion()).as("end of the matched range").isEqualTo("2.9.9.1");
        softly.assertThat(word.target()).isEqualTo("/workspace/payments-api/target/lib/jackson-databind-2.9.8.jar");
        softly.assertThat(word.url()).as("the javascript: link is passed over")
                .isEqualTo("https://github.com/FasterXML/jackson-databind/issues/2334");
        softly.assertThat(word.title()).startsWith("FasterXML jackson-databind 2.x before 2.9.9.1 might allow")
                .hasSizeLessThanOrEqualTo(160);
        softly.assertThat(word.isSuppressed()).isFalse();

        Finding v3 = finding(report, "CVE-2019-14379", null);
        softly.assertThat(v3.severity()).as("CVSS v3 severity without a word").isEqualTo(Severity.CRITICAL);
        softly.assertThat(v3.cvssScore()).isEqualTo(9.8);
        softly.assertThat(v3.url()).isNull();
        softly.assertThat(v3.fixedVersion()).isNull();

        Finding v2 = finding(report, "CVE-2018-1000873", null);
        softly.assertThat(v2.severity()).as("CVSS v2 score only").isEqualTo(Severity.MEDIUM);
        softly.assertThat(v2.cvssVector()).as("old key names").isEqualTo("AV:N/AC:M/Au:N/C:N/I:N/A:P");
        softly.assertThat(v2.cwes()).isEmpty();

        Finding npm = finding(report, "GHSA-gxpj-cx7g-858c", "debug");
        softly.assertThat(npm.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(npm.purl()).isEqualTo("pkg:npm/debug@2.6.8");
        softly.assertThat(npm.installedVersion()).isEqualTo("2.6.8");
        softly.assertThat(npm.fixedVersion()).isEqualTo("2.6.9");
        softly.assertThat(npm.url()).isEqualTo("https://github.com/advisories/GHSA-gxpj-cx7g-858c");
        softly.assertThat(npm.target()).isEqualTo("/workspace/payments-api/web/package-lock.json?/debug:2.6.8");

        Finding v4 = finding(report, "CVE-2024-99999", "debug");
        softly.assertThat(v4.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(v4.cvssScore()).isEqualTo(9.3);
        softly.assertThat(v4.cvssVector()).startsWith("CVSS:4.0/AV:N/AC:L/AT:N");
        softly.assertThat(v4.title()).as("no description: the id").isEqualTo("CVE-2024-99999");

        Finding unscored = finding(report, "debug-unscored-regex", "debug");
        softly.assertThat(unscored.severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(unscored.description()).doesNotContain("\u0000").contains("NUL inside");
        softly.assertAll();
    }

    @Test
    void shouldKeepSuppressedVulnerabilitiesApartWithTheirNotes() {
        ParsedReport report = read(HANDMADE);

        Finding suppressed = finding(report, "CVE-2020-36518", null);

        assertThat(suppressed.isSuppressed()).isTrue();
        assertThat(suppressed.suppression())
                .isEqualTo("suppressed in Dependency-Check: Only trusted input reaches the mapper (ticket SEC-42)");
        assertThat(suppressed.severity()).isEqualTo(Severity.HIGH);
        assertThat(countBySeverity(report)).doesNotContainKey(Severity.HIGH);
    }

    @Test
    void shouldSkipAVulnerabilityWithoutANameWithAWarning() {
        ParsedReport report = read(HANDMADE);

        assertThat(report.log().messages()).extracting(ReportLog.Message::text)
                .anyMatch(text -> text.contains("skipped dependencies[1].vulnerabilities[3]"));
    }

    @Test
    void shouldReadTheReportWithAByteOrderMarkAndInUtf16() throws Exception {
        String text = new String(bytes(HANDMADE), StandardCharsets.UTF_8);
        var bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        var utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(text.getBytes(StandardCharsets.UTF_16LE));

        for (byte[] content : List.of(bom.toByteArray(), utf16.toByteArray())) {
            Path file = Files.write(temporary.resolve("encoded.json"), content);
            ParsedReport report = reader().read(ReportInput.of(file, "encoded.json"), null);
            assertThat(report.format()).isEqualTo("dependency-check-json");
            assertThat(report.findings()).hasSize(7);
        }
    }

    @Test
    void shouldReportAnUnknownSchemaAsIncomplete() throws Exception {
        Path file = Files.writeString(temporary.resolve("future.json"),
                "{\"reportSchema\": \"2.0\", \"scanInfo\": {\"engineVersion\": \"20.0.0\"}, \"dependencies\": []}");

        ParsedReport report = reader().read(ReportInput.of(file, "future.json"), null);

        assertThat(report.incomplete().get(TOOL)).startsWith("report schema 2.0 is newer");
    }

    @Test
    void shouldRecordAnEmptyDependencyListAsACleanScan() throws Exception {
        Path file = Files.writeString(temporary.resolve("clean.json"),
                "{\"reportSchema\": \"1.1\", \"scanInfo\": {\"engineVersion\": \"9.0.0\", \"analysisExceptions\": []},"
                        + " \"dependencies\": []}");

        ParsedReport report = reader().read(ReportInput.of(file, "clean.json"), null);

        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).isEmpty();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldRejectAReportWithoutDependencies() throws Exception {
        Path file = Files.writeString(temporary.resolve("odd.json"), "{\"reportSchema\": \"1.1\"}");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "odd.json"), "dependency-check-json"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("odd.json (OWASP Dependency-Check JSON)")
                .hasMessageContaining("a Dependency-Check report has a dependencies list");
    }

    @Test
    void shouldRejectDependenciesThatAreNotAList() throws Exception {
        Path file = Files.writeString(temporary.resolve("odd.json"),
                "{\"reportSchema\": \"1.1\",\n \"dependencies\": \"none\"}");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "odd.json"), "dependency-check-json"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("at line 2")
                .hasMessageContaining("expected an array but found a string");
    }
}
