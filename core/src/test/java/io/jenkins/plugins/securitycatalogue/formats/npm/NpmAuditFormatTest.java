package io.jenkins.plugins.securitycatalogue.formats.npm;

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

class NpmAuditFormatTest extends AbstractFormatTest {
    private static final String TOOL = "npm audit";
    private static final String LEGACY = "npm-audit-v1-legacy-one-advisory.json";
    private static final String V2 = "npm-audit-v2-one-vuln.json";
    private static final String NPM11_ERROR = "npm-11.19.1-audit-endpoint-405-error-real.json";
    private static final String NPM6_ERROR = "npm-6.14.18-audit-enoaudit-error-real.json";
    private static final String HANDMADE = "handmade-npm-v2-fix-shapes-null-via-missing-severity.json";

    @Override
    protected ReportFormat format() {
        return new NpmAuditFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(LEGACY, V2, NPM11_ERROR, NPM6_ERROR);
    }

    @Test
    void shouldReadTheLegacyAdvisoryWithItsCveAsId() {
        ParsedReport report = read(LEGACY);

        assertThat(report.findings()).hasSize(1);
        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 1L));
        assertThat(report.incomplete()).isEmpty();

        Finding growl = report.findings().get(0);
        var softly = new SoftAssertions();
        softly.assertThat(growl.tool()).isEqualTo(TOOL);
        softly.assertThat(growl.id()).isEqualTo("CVE-2017-16042");
        softly.assertThat(growl.aliases()).containsExactly("npm-advisory-146");
        softly.assertThat(growl.title()).isEqualTo("Command Injection");
        softly.assertThat(growl.description()).startsWith("Affected versions of `growl` do not properly sanitize")
                .endsWith("Recommendation: Update to version 1.10.2 or later.");
        softly.assertThat(growl.cwes()).containsExactly("CWE-94");
        softly.assertThat(growl.packageName()).isEqualTo("growl");
        softly.assertThat(growl.installedVersion()).isEqualTo("1.9.2");
        softly.assertThat(growl.purl()).isEqualTo("pkg:npm/growl@1.9.2");
        softly.assertThat(growl.fixedVersion()).as("patched_versions >=1.10.2").isEqualTo("1.10.2");
        softly.assertThat(growl.url()).isEqualTo("https://www.npmjs.com/advisories/146");
        softly.assertThat(growl.cvssScore()).isNull();
        softly.assertAll();
    }

    @Test
    void shouldReadOneFindingPerAdvisoryAndIgnoreTheBareNameInVia() {
        ParsedReport report = read(V2);

        assertThat(report.findings()).hasSize(2);
        assertThat(countBySeverity(report)).as("the advisory's severity, not the package's 'high'")
                .isEqualTo(Map.of(Severity.MEDIUM, 1L, Severity.HIGH, 1L));

        var softly = new SoftAssertions();
        Finding redos = finding(report, "GHSA-gxpj-cx7g-858c", "debug");
        softly.assertThat(redos.title()).isEqualTo("Regular Expression Denial of Service in debug");
        softly.assertThat(redos.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(redos.cvssScore()).isEqualTo(5.3);
        softly.assertThat(redos.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L");
        softly.assertThat(redos.cwes()).containsExactly("CWE-400");
        softly.assertThat(redos.url()).isEqualTo("https://github.com/advisories/GHSA-gxpj-cx7g-858c");
        softly.assertThat(redos.fixedVersion()).as("range <2.6.9").isEqualTo("2.6.9");
        softly.assertThat(redos.path()).isEqualTo("node_modules/debug");
        softly.assertThat(redos.installedVersion()).as("version 2 reports name no version").isNull();
        softly.assertThat(redos.description())
                .isEqualTo("npm audit fix can fix it by installing express@4.18.3.");

        Finding inefficient = finding(report, "GHSA-9vvw-cc9w-f27h", "debug");
        softly.assertThat(inefficient.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(inefficient.cwes()).containsExactly("CWE-1333");
        softly.assertThat(inefficient.cvssScore()).isEqualTo(7.5);
        softly.assertAll();
    }

    @Test
    void shouldReadFixShapesNullListsMissingSeverityAndDuplicates() {
        ParsedReport report = read(HANDMADE);

        assertThat(countBySeverity(report)).isEqualTo(Map.of(Severity.CRITICAL, 1L, Severity.HIGH, 1L,
                Severity.LOW, 1L, Severity.UNKNOWN, 1L));
        assertThat(report.findings()).hasSize(4);
        assertThat(report.findings()).noneMatch(finding -> "mkdirp".equals(finding.packageName()));
        assertThat(report.log().messages()).extracting(ReportLog.Message::text)
                .contains(HANDMADE + ": 1 duplicate results were counted once");

        var softly = new SoftAssertions();
        Finding pollution = finding(report, "GHSA-jf85-cpcp-j695", "lodash");
        softly.assertThat(pollution.cwes()).containsExactly("CWE-20", "CWE-1321");
        softly.assertThat(pollution.fixedVersion()).isEqualTo("4.17.12");
        softly.assertThat(pollution.description()).isEqualTo("npm audit fix can fix it.");

        Finding injection = finding(report, "GHSA-35jh-r3h4-6jhm", "lodash");
        softly.assertThat(injection.cwes()).as("one string").containsExactly("CWE-77");
        softly.assertThat(injection.fixedVersion()).as(">=3.7.0 <4.17.21").isEqualTo("4.17.21");

        Finding minimist = finding(report, "GHSA-xvch-5gv4-984h", "minimist");
        softly.assertThat(minimist.severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(minimist.cvssScore()).as("score 0 without a vector is no score").isNull();
        softly.assertThat(minimist.fixedVersion()).as("fixAvailable false").isNull();
        softly.assertThat(minimist.description()).isEqualTo("npm reports no fix available.");

        Finding weird = finding(report, "npm-advisory-1099999", "weird");
        softly.assertThat(weird.title()).doesNotContain("\u0000").contains("NUL in its title");
        softly.assertThat(weird.fixedVersion()).isNull();
        softly.assertThat(weird.path()).isEqualTo("node_modules/a/node_modules/weird");
        softly.assertThat(weird.description())
                .isEqualTo("npm audit fix can fix it by installing a@2.0.0 (a semver-major change).");
        softly.assertAll();
    }

    @Test
    void shouldReportTheRealNpm11AuditEndpointErrorAsIncomplete() {
        ParsedReport report = read(NPM11_ERROR);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).containsExactly(Map.entry(TOOL, "the audit failed (405 Method Not Allowed"
                + " - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk)"));
        assertThat(report.log().hasWarnings()).isTrue();
    }

    @Test
    void shouldReportTheRealNpm6EnoauditErrorAsIncomplete() {
        ParsedReport report = read(NPM6_ERROR);

        assertThat(report.findings()).isEmpty();
        assertThat(report.incomplete().get(TOOL)).isEqualTo("the audit failed (ENOAUDIT: Your configured registry"
                + " (https://registry.npmjs.org/) may not support audit requests, or the audit endpoint may be"
                + " temporarily unavailable.)");
    }

    @Test
    void shouldReadTheReportWithAByteOrderMarkAndInUtf16() throws Exception {
        String text = new String(bytes(V2), StandardCharsets.UTF_8);
        var bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        var utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(text.getBytes(StandardCharsets.UTF_16LE));

        for (byte[] content : List.of(bom.toByteArray(), utf16.toByteArray())) {
            Path file = Files.write(temporary.resolve("encoded.json"), content);
            ParsedReport report = reader().read(ReportInput.of(file, "encoded.json"), null);
            assertThat(report.format()).isEqualTo("npm-audit");
            assertThat(report.findings()).hasSize(2);
        }
    }

    @Test
    void shouldRecordAnEmptyVersion2ReportAsACleanScan() throws Exception {
        Path file = Files.writeString(temporary.resolve("clean.json"),
                "{\"auditReportVersion\": 2, \"vulnerabilities\": {}, \"metadata\": {}}");

        ParsedReport report = reader().read(ReportInput.of(file, "clean.json"), null);

        assertThat(report.format()).isEqualTo("npm-audit");
        assertThat(report.tools()).containsExactly(TOOL);
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldReportAnUnknownReportVersionAsIncomplete() throws Exception {
        Path file = Files.writeString(temporary.resolve("v3.json"),
                "{\"auditReportVersion\": 3, \"vulnerabilities\": {}}");

        ParsedReport report = reader().read(ReportInput.of(file, "v3.json"), null);

        assertThat(report.incomplete().get(TOOL)).startsWith("audit report version 3 is not one");
    }

    @Test
    void shouldRejectAJsonObjectThatIsNoAuditReport() throws Exception {
        Path file = Files.writeString(temporary.resolve("other.json"), "{\"name\": \"x\"}");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "other.json"), "npm-audit"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("other.json (npm audit JSON)")
                .hasMessageContaining("an audit report has advisories, vulnerabilities or an error object");
    }

    @Test
    void shouldNotTakeAPnpmErrorOrAnotherToolsErrorObject() {
        var npm = new NpmAuditFormat();

        assertThat(npm.accepts(sniffText("{\"error\": {\"code\": \"ERR_PNPM_AUDIT_BAD_RESPONSE\","
                + " \"message\": \"x\"}}"))).isFalse();
        assertThat(npm.accepts(sniffText("{\"error\": {\"code\": 500, \"message\": \"x\"}}"))).isFalse();
        assertThat(npm.accepts(sniffText("{\"error\": {\"code\": \"ENOAUDIT\", \"summary\": \"x\"}}"))).isTrue();
    }

    private static Sniff sniffText(String text) {
        return Sniff.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
