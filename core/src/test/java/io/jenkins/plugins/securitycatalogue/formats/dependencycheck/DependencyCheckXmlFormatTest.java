package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.formats.AbstractFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class DependencyCheckXmlFormatTest extends AbstractFormatTest {
    private static final String TOOL = "OWASP Dependency-Check";
    private static final String SCHEMA_13 = "dc-1.3-schema-handmade-single-vuln.xml";
    private static final String EMPTY = "dc-6.5.3-empty-dependencies.xml";
    private static final String SCHEMA_41 = "handmade-dc-4.1-schema-cvss-v2-v3-v4-suppressed.xml";

    @Override
    protected ReportFormat format() {
        return new DependencyCheckXmlFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(SCHEMA_13, EMPTY);
    }

    @Test
    void shouldReadTheOldSchemaWithSplitCvssAndFreeTextCwe() {
        ParsedReport report = read(SCHEMA_13);

        assertThat(report.findings()).hasSize(1);
        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.MEDIUM, 1L));
        assertThat(report.incomplete()).isEmpty();

        Finding finding = report.findings().get(0);
        var softly = new SoftAssertions();
        softly.assertThat(finding.tool()).isEqualTo(TOOL);
        softly.assertThat(finding.id()).isEqualTo("CVE-0000-0001");
        softly.assertThat(finding.severity()).as("'Moderate' wins over the 7.5 score").isEqualTo(Severity.MEDIUM);
        softly.assertThat(finding.cvssScore()).isEqualTo(7.5);
        softly.assertThat(finding.cvssVector()).as("from the misspelled cvssAuthenticationr too")
                .isEqualTo("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        softly.assertThat(finding.cwes()).as("CWE-00 is not a real CWE").isEmpty();
        softly.assertThat(finding.description()).isEqualTo("Description of a bad vulnerability.");
        softly.assertThat(finding.title()).isEqualTo("Description of a bad vulnerability.");
        softly.assertThat(finding.url()).isEqualTo("http://localhost/badvulnerability.htm");
        softly.assertThat(finding.packageName()).as("from the Maven identifier").isEqualTo("org.owasp:library");
        softly.assertThat(finding.purl()).isEqualTo("pkg:maven/org.owasp/library@6.7.8");
        softly.assertThat(finding.installedVersion()).isEqualTo("6.7.8");
        softly.assertThat(finding.fixedVersion()).isNull();
        softly.assertThat(finding.target()).isEqualTo("C:\\\\Projectestproject\\\\libraries\\\\component2.dll");
        softly.assertAll();
    }

    @Test
    void shouldRecordTheRealEmptyReportAsACleanScan() {
        ParsedReport report = read(EMPTY);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldReadTheNewSchemaWithCvssV3V4AndSuppressions() {
        ParsedReport report = read(SCHEMA_41);

        assertThat(report.findings()).hasSize(4);
        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 2L, Severity.HIGH, 1L));

        var softly = new SoftAssertions();
        Finding log4shell = finding(report, "CVE-2021-44228", null);
        softly.assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(log4shell.cvssScore()).as("v3 before v2").isEqualTo(10.0);
        softly.assertThat(log4shell.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        softly.assertThat(log4shell.cwes()).containsExactly("CWE-917", "CWE-502");
        softly.assertThat(log4shell.url()).as("white space around the link").isEqualTo(
                "https://logging.apache.org/log4j/2.x/security.html");
        softly.assertThat(log4shell.packageName()).as("not the related dependency's")
                .isEqualTo("org.apache.logging.log4j:log4j-core");
        softly.assertThat(log4shell.installedVersion()).isEqualTo("2.14.1");
        softly.assertThat(log4shell.fixedVersion()).isEqualTo("2.15.0");
        softly.assertThat(log4shell.target()).isEqualTo("/workspace/payments-api/target/lib/log4j-core-2.14.1.jar");

        Finding v4 = finding(report, "CVE-2025-00001", null);
        softly.assertThat(v4.cvssScore()).isEqualTo(8.7);
        softly.assertThat(v4.cvssVector()).startsWith("CVSS:4.0/");
        softly.assertThat(v4.description()).isEqualTo("A CVSS 4 only entry with <markup> in CDATA.");

        Finding suppressed = finding(report, "CVE-2021-45046", null);
        softly.assertThat(suppressed.suppression())
                .isEqualTo("suppressed in Dependency-Check: Mitigated by the JVM flag, see SEC-7");
        softly.assertThat(suppressed.fixedVersion()).as("'matched' in suppressed entries").isEqualTo("2.16.0");

        Finding lodash = finding(report, "GHSA-jf85-cpcp-j695", "lodash");
        softly.assertThat(lodash.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(lodash.cwes()).containsExactly("CWE-1321", "CWE-20");
        softly.assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.4");
        softly.assertThat(lodash.fixedVersion()).isEqualTo("4.17.12");
        softly.assertAll();
    }

    @Test
    void shouldReportAnalysisExceptionsAsAnIncompleteScan() throws Exception {
        Path file = write("exceptions.xml", "<?xml version=\"1.0\"?><analysis xmlns=\"https://jeremylong.github.io/"
                + "DependencyCheck/dependency-check.2.5.xsd\"><scanInfo><engineVersion>6.5.3</engineVersion>"
                + "<analysisExceptions><exception><message>org.owasp.dependencycheck.analyzer.exception"
                + ".AnalysisException: Failed to request component-reports</message><stackTrace><trace>at x"
                + "</trace></stackTrace></exception><exception><message>second</message></exception>"
                + "</analysisExceptions></scanInfo><dependencies></dependencies></analysis>");

        ParsedReport report = reader().read(ReportInput.of(file, "exceptions.xml"), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.incomplete()).containsEntry(TOOL, "2 analysis exception(s), first: org.owasp"
                + ".dependencycheck.analyzer.exception.AnalysisException: Failed to request component-reports");
    }

    @Test
    void shouldReportAnUnknownSchemaVersionAsIncomplete() throws Exception {
        Path file = write("future.xml", "<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/"
                + "dependency-check.5.0.xsd\"><dependencies/></analysis>");

        ParsedReport report = reader().read(ReportInput.of(file, "future.xml"), null);

        assertThat(report.format()).isEqualTo("dependency-check-xml");
        assertThat(report.incomplete().get(TOOL)).contains("dependency-check.5.0.xsd").contains("1.0 to 4.x");
    }

    /**
     * A report with a DOCTYPE declaring an external entity: the factory reads no DTD, so the entity is never
     * resolved; its reference is an undeclared entity and the report is refused, naming the position. The file
     * the entity names is never read into a finding.
     */
    @Test
    void shouldNotReadAnExternalEntity() throws Exception {
        Path secret = Files.writeString(temporary.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE analysis [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/"
                + "dependency-check.2.5.xsd\"><dependencies><dependency><fileName>a.jar</fileName>"
                + "<vulnerabilities><vulnerability><name>CVE-2020-0001</name>\n<description>&xxe;</description>"
                + "</vulnerability></vulnerabilities></dependency></dependencies></analysis>");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "xxe.xml"), "dependency-check-xml"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("xxe.xml (OWASP Dependency-Check XML) at line 4")
                .hasMessageContaining("xxe")
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @Test
    void shouldRefuseXmlThatIsNotADependencyCheckReportWhenNamed() throws Exception {
        Path file = write("other.xml", "<checkstyle version=\"10\"></checkstyle>");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "other.xml"), "dependency-check-xml"))
                .isInstanceOf(ReportException.class)
                .hasMessage("other.xml (OWASP Dependency-Check XML): not a Dependency-Check report: the root"
                        + " element is <checkstyle>, not <analysis>");
    }

    @Test
    void shouldReadTheOldSchemaInUtf16WithAByteOrderMark() throws Exception {
        String text = new String(bytes(SCHEMA_13), StandardCharsets.UTF_8);
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[body.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(body, 0, content, 2, body.length);
        Path file = Files.write(temporary.resolve("utf16.xml"), content);

        ParsedReport report = reader().read(ReportInput.of(file, "utf16.xml"), null);

        assertThat(report.format()).isEqualTo("dependency-check-xml");
        assertThat(report.findings()).extracting(Finding::id).containsExactly("CVE-0000-0001");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(temporary.resolve(name), content);
    }
}
