package io.jenkins.plugins.securitycatalogue.formats.grype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.securitycatalogue.formats.AbstractVulnerabilityJsonFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class GrypeFormatTest extends AbstractVulnerabilityJsonFormatTest {
    private static final String GOLDEN = "grype-presenter-golden-image-synthetic.json";
    private static final String CHAINGUARD = "grype-recent-chainguard-minified-single-line.json";
    private static final String REGRESSION = "grype-regression-nul-null-lists-missing-severity-duplicates.json";

    @Override
    protected ReportFormat format() {
        return new GrypeFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(CHAINGUARD, GOLDEN);
    }

    @Override
    protected String encodingExample() {
        return CHAINGUARD;
    }

    @Test
    void shouldKeepGrypesOwnSeverityWordOfTheGoldenSnapshot() {
        ParsedReport report = read(GOLDEN);

        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 1L), entry(Severity.LOW, 1L));
        assertThat(report.tools()).containsExactly("Grype");

        var softly = new SoftAssertions();
        Finding first = finding(report, "CVE-1999-0001", "package-1");
        softly.assertThat(first.severity()).as("Low, although CVSS says 8.2").isEqualTo(Severity.LOW);
        softly.assertThat(first.cvssScore()).isEqualTo(8.2);
        softly.assertThat(first.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:H");
        softly.assertThat(first.installedVersion()).isEqualTo("1.1.1");
        softly.assertThat(first.fixedVersion()).as("the suggested version").isEqualTo("1.2.1");
        softly.assertThat(first.purl()).as("empty purl").isNull();
        softly.assertThat(first.url()).as("empty dataSource").isNull();
        softly.assertThat(first.target()).isEqualTo("/foo/bar/somefile-1.txt");
        softly.assertThat(first.path()).isEqualTo("/foo/bar/somefile-1.txt");
        softly.assertThat(first.title()).isEqualTo("CVE-1999-0001");

        Finding second = finding(report, "CVE-1999-0002", "package-2");
        softly.assertThat(second.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(second.purl()).isEqualTo("pkg:deb/package-2@2.2.2");
        softly.assertThat(second.fixedVersion()).as("fix.state is empty").isNull();
        softly.assertAll();
    }

    @Test
    void shouldReadOneFindingPerMatchOfTheMinifiedChainguardReport() {
        ParsedReport report = read(CHAINGUARD);

        assertThat(report.findings()).as("24 matches, 10 with two matchDetails").hasSize(24);
        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 2L), entry(Severity.HIGH, 13L),
                entry(Severity.MEDIUM, 2L), entry(Severity.UNKNOWN, 7L));
        assertThat(report.findings()).extracting(Finding::packageName).containsOnly("libcrypto3", "busybox", "zlib",
                "glibc");
        assertThat(report.findings()).allSatisfy(finding -> assertThat(finding.target())
                .isEqualTo("/usr/lib/apk/db/installed"));
        assertThat(report.log().hasWarnings()).isFalse();
    }

    @Test
    void shouldReadTheFieldsOfAChainguardMatchWithTwoMatchDetailsAndACvss4Score() {
        ParsedReport report = read(CHAINGUARD);

        Finding zlib = finding(report, "CVE-2026-85091", "zlib");

        var softly = new SoftAssertions();
        softly.assertThat(zlib.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(zlib.cvssScore()).as("the CVSS 4.0 entry with only a baseScore").isEqualTo(8.3);
        softly.assertThat(zlib.cvssVector()).startsWith("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H");
        softly.assertThat(zlib.cwes()).containsExactly("CWE-787");
        softly.assertThat(zlib.installedVersion()).isEqualTo("1.3.2-r3");
        softly.assertThat(zlib.fixedVersion()).isEqualTo("1.3.3-r0");
        softly.assertThat(zlib.purl()).isEqualTo(
                "pkg:apk/chainguard/zlib@1.3.2-r3?arch=aarch64&distro=chainguard-20230214");
        softly.assertThat(zlib.url()).isEqualTo("https://images.chainguard.dev/security/CVE-2026-85091");
        softly.assertThat(zlib.description()).as("from the related NVD record")
                .startsWith("zlib versions 1.3.1.2 through 1.3.2 contain a heap buffer overflow");
        softly.assertThat(zlib.aliases()).as("the related record has the same id").isEmpty();
        softly.assertAll();
    }

    @Test
    void shouldReadAnNvdMatchWithLineBreaksInItsDescription() {
        ParsedReport report = read(CHAINGUARD);

        Finding glibc = finding(report, "CVE-2026-18374", "glibc");

        var softly = new SoftAssertions();
        softly.assertThat(glibc.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(glibc.cvssScore()).isEqualTo(4.9);
        softly.assertThat(glibc.cwes()).as("the same CWE from two sources").containsExactly("CWE-787");
        softly.assertThat(glibc.fixedVersion()).as("fix.state unknown").isNull();
        softly.assertThat(glibc.url()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2026-18374");
        softly.assertThat(glibc.title()).startsWith("Passing an effectively empty string").doesNotContain("\n");
        softly.assertThat(glibc.description()).contains("\n\nThis usage pattern is not seen");
        softly.assertAll();
    }

    @Test
    void shouldKeepUnknownSeverityOfUnscoredAdvisoriesWithoutInventingOne() {
        ParsedReport report = read(CHAINGUARD);

        Finding advisory = finding(report, "GHSA-9r55-p3jw-v652", "busybox");

        var softly = new SoftAssertions();
        softly.assertThat(advisory.severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(advisory.cvssScore()).isNull();
        softly.assertThat(advisory.description()).isEmpty();
        softly.assertThat(advisory.title()).isEqualTo("GHSA-9r55-p3jw-v652");
        softly.assertThat(advisory.fixedVersion()).isEqualTo("1.38.0-r0");
        softly.assertAll();
    }

    @Test
    void shouldSurviveNulNullListsMissingSeveritiesAndDuplicateNamespaces() {
        ParsedReport report = read(REGRESSION);

        assertThat(report.findings()).hasSize(3);
        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 1L), entry(Severity.LOW, 1L));
        assertThat(report.log().messages()).extracting(ReportLog.Message::toString)
                .anyMatch(message -> message.contains("skipped matches[3]"))
                .anyMatch(message -> message.contains("1 duplicate results were counted once"));

        var softly = new SoftAssertions();
        Finding java = finding(report, "CVE-2024-21011", "java");
        softly.assertThat(java.installedVersion()).as("NUL removed").isEqualTo("17.0.10+7-J-ms8m");
        softly.assertThat(java.severity()).as("no severity word: from the CVSS score").isEqualTo(Severity.LOW);
        softly.assertThat(java.cvssScore()).as("primary 3.1 before secondary 3.1 and primary 2.0").isEqualTo(3.8);
        softly.assertThat(java.target()).as("no location: the package").isEqualTo("java");
        softly.assertThat(java.path()).isNull();
        softly.assertThat(java.fixedVersion()).isNull();

        Finding log4j = finding(report, "GHSA-7rjr-3q55-vv33", "log4j-core");
        softly.assertThat(log4j.aliases()).containsExactly("CVE-2021-45046");
        softly.assertThat(log4j.cvssScore()).as("from the related record").isEqualTo(9.0);
        softly.assertThat(log4j.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(log4j.description()).startsWith("It was found that the fix");
        softly.assertThat(log4j.fixedVersion()).isEqualTo("2.16.0");
        softly.assertThat(log4j.url()).isEqualTo("https://github.com/advisories/GHSA-7rjr-3q55-vv33");
        softly.assertAll();
    }

    @Test
    void shouldKeepIgnoredMatchesAsSuppressedFindings() {
        ParsedReport report = read(REGRESSION);

        Finding ignored = finding(report, "CVE-2023-0001", "zlib");

        assertThat(ignored.isSuppressed()).isTrue();
        assertThat(ignored.suppression()).isEqualTo("ignored by a grype rule: not reachable from the service");
        assertThat(ignored.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldReadAReportWithoutMatchesAsACleanScan() throws ReportException {
        ParsedReport report = detectAndRead("grype-regression-no-matches.json");

        assertThat(report.format()).isEqualTo("grype");
        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly("Grype");
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldRejectMatchesThatAreNotAnArray() {
        assertThatThrownBy(() -> detectAndRead("grype-regression-matches-not-an-array.json"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("(Grype JSON) at line 2")
                .hasMessageContaining("expected an array but found a number");
    }
}
