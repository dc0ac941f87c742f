package io.jenkins.plugins.securitycatalogue.formats.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.formats.AbstractFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
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

class YarnAuditFormatTest extends AbstractFormatTest {
    private static final String TOOL = "yarn audit";
    private static final String STDOUT_AND_STDERR = "yarn-1.22.22-audit-endpoint-405-stdout-and-stderr-real.json";
    private static final String STDOUT_ONLY = "yarn-1.22.22-audit-endpoint-405-stdout-only-real.json";
    private static final String YARN1 = "handmade-yarn1-advisories-duplicate-path-missing-severity.jsonl";
    private static final String YARN4 = "handmade-yarn4-npm-audit-lines-deprecation.jsonl";
    private static final String YARN3 = "handmade-yarn3-npm-audit-legacy-object-pretty.json";
    private static final String BROKEN = "handmade-yarn1-broken-third-line.jsonl";

    @Override
    protected ReportFormat format() {
        return new YarnAuditFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(STDOUT_AND_STDERR, STDOUT_ONLY);
    }

    @Test
    void shouldReportTheRealErrorLineAsIncomplete() {
        ParsedReport report = read(STDOUT_AND_STDERR);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).containsExactly(Map.entry(TOOL, "yarn reported an error: Error:"
                + " https://registry.yarnpkg.com/-/npm/v1/security/audits: Request"
                + " \"https://registry.yarnpkg.com/-/npm/v1/security/audits\" returned a 405"));
    }

    /** yarn 1 writes its error line to standard error: the captured report has only an info line. */
    @Test
    void shouldReportTheRealStandardOutputWithoutASummaryAsIncomplete() {
        ParsedReport report = read(STDOUT_ONLY);

        assertThat(report.findings()).isEmpty();
        assertThat(report.incomplete())
                .containsExactly(Map.entry(TOOL, "the report has neither advisories nor an audit summary"));
    }

    @Test
    void shouldReadYarn1AdvisoryLinesOncePerAdvisory() throws ReportException {
        ParsedReport report = detectAndRead(YARN1);

        assertThat(report.format()).isEqualTo("yarn-audit");
        assertThat(report.incomplete()).isEmpty();
        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 1L, Severity.MEDIUM, 1L,
                Severity.UNKNOWN, 1L));
        assertThat(report.log().messages()).extracting(ReportLog.Message::text)
                .contains(YARN1 + ": 1 duplicate results were counted once")
                .anyMatch(text -> text.contains("skipped line 6: the advisory is missing"));

        var softly = new SoftAssertions();
        Finding lodash = finding(report, "GHSA-jf85-cpcp-j695", "lodash");
        softly.assertThat(lodash.tool()).isEqualTo(TOOL);
        softly.assertThat(lodash.aliases()).containsExactly("CVE-2019-10744", "npm-advisory-1065");
        softly.assertThat(lodash.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(lodash.cvssScore()).isEqualTo(9.1);
        softly.assertThat(lodash.installedVersion()).isEqualTo("4.17.4");
        softly.assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.4");
        softly.assertThat(lodash.fixedVersion()).isEqualTo("4.17.12");
        softly.assertThat(lodash.cwes()).containsExactly("CWE-20");

        Finding minimist = finding(report, "npm-advisory-1179", "minimist");
        softly.assertThat(minimist.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(minimist.cwes()).containsExactly("CWE-1321", "CWE-915");
        softly.assertThat(minimist.fixedVersion()).as("not a simple >= range").isNull();
        softly.assertThat(minimist.url()).isEqualTo("https://npmjs.com/advisories/1179");

        Finding leftPad = finding(report, "npm-advisory-1500", "left-pad");
        softly.assertThat(leftPad.severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(leftPad.url()).isNull();
        softly.assertAll();
    }

    @Test
    void shouldReadYarn4PackageLinesAndLeaveDeprecationsOut() throws ReportException {
        ParsedReport report = detectAndRead(YARN4);

        assertThat(report.format()).isEqualTo("yarn-audit");
        assertThat(report.incomplete()).isEmpty();
        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 2L, Severity.LOW, 1L));
        assertThat(report.log().messages()).extracting(ReportLog.Message::text)
                .contains(YARN4 + ": 1 deprecation notices are not vulnerabilities and were not recorded");

        var softly = new SoftAssertions();
        Finding lodash = finding(report, "GHSA-jf85-cpcp-j695", "lodash");
        softly.assertThat(lodash.title()).isEqualTo("Prototype Pollution in lodash");
        softly.assertThat(lodash.fixedVersion()).isEqualTo("4.17.12");
        softly.assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.4");
        softly.assertThat(lodash.description()).isEqualTo("Required by: depaudit-fixture@workspace:.");

        Finding minimist = finding(report, "GHSA-xvch-5gv4-984h", "minimist");
        softly.assertThat(minimist.installedVersion()).isEqualTo("0.0.8, 0.2.1");
        softly.assertThat(minimist.purl()).as("two versions, no one purl").isNull();
        softly.assertThat(minimist.fixedVersion()).as("'< 0.2.4' with a space").isEqualTo("0.2.4");

        Finding noLink = finding(report, "npm-advisory-1096536", "no-url");
        softly.assertThat(noLink.severity()).isEqualTo(Severity.LOW);
        softly.assertThat(noLink.url()).isNull();
        softly.assertAll();
    }

    @Test
    void shouldReadThePrettyPrintedLegacyObjectOfYarn3WhenNamed() {
        ParsedReport report = read(YARN3);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.tool()).isEqualTo(TOOL);
            assertThat(finding.id()).isEqualTo("GHSA-jf85-cpcp-j695");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldNameTheBrokenLine() {
        assertThatThrownBy(() -> reader().read(ReportInput.of(resource(BROKEN), BROKEN), null))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith(BROKEN + " (yarn audit JSON) at line 3, column ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldRejectALineThatIsNotAnObject() throws Exception {
        Path file = Files.writeString(temporary.resolve("odd.jsonl"), "{\"type\":\"info\",\"data\":\"x\"}\n[1]\n");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "odd.jsonl"), null))
                .isInstanceOf(ReportException.class)
                .hasMessage("odd.jsonl (yarn audit JSON) at line 2: not the structure of this format: each line is"
                        + " a JSON object");
    }

    @Test
    void shouldReadLinesWithAByteOrderMarkInUtf16AndWithNulCharacters() throws Exception {
        String text = new String(bytes(YARN1), StandardCharsets.UTF_8).replace("Prototype Pollution",
                "Prototype\\u0000Pollution");
        var bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        var utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(text.getBytes(StandardCharsets.UTF_16LE));

        for (byte[] content : List.of(bom.toByteArray(), utf16.toByteArray())) {
            Path file = Files.write(temporary.resolve("encoded.jsonl"), content);
            ParsedReport report = reader().read(ReportInput.of(file, "encoded.jsonl"), null);
            assertThat(report.format()).isEqualTo("yarn-audit");
            assertThat(report.findings()).hasSize(3);
            assertThat(report.findings()).allSatisfy(finding ->
                    assertThat(finding.title()).doesNotContain("\u0000"));
        }
    }

    @Test
    void shouldTakeOnlyYarnShapedLines() {
        var yarn = new YarnAuditFormat();

        assertThat(yarn.accepts(sniffText("{\"type\":\"auditSummary\",\"data\":{}}"))).isTrue();
        assertThat(yarn.accepts(sniffText("{\"type\":\"Feature\",\"data\":{}}"))).isFalse();
        assertThat(yarn.accepts(sniffText("{\"type\":\"info\",\"data\":\"x\",\"more\":1}"))).isFalse();
        assertThat(yarn.accepts(sniffText("{\"value\":\"a\",\"children\":{\"Name\":\"b\"}}"))).isFalse();
    }

    private static Sniff sniffText(String text) {
        return Sniff.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
