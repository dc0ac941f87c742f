package io.jenkins.plugins.securitycatalogue.formats.cyclonedx;

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

class CycloneDxFormatTest extends AbstractVulnerabilityJsonFormatTest {
    private static final String NO_SEVERITY = "cdx-1.4-no-severity-dangling-ref.json";
    private static final String VEX = "cdx-1.5-vex-not-affected-bomlink-refs.json";
    private static final String COMPONENTS_LAST = "cdx-regression-1.5-components-after-vulnerabilities-vex-states.json";

    @Override
    protected ReportFormat format() {
        return new CycloneDxFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(VEX, NO_SEVERITY);
    }

    @Override
    protected String encodingExample() {
        return VEX;
    }

    @Test
    void shouldTakeTheSeverityFromTheScoreWhenNoRatingHasAWordAndKeepADanglingRefAsThePackage() {
        ParsedReport report = read(NO_SEVERITY);

        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 1L));
        assertThat(report.tools()).containsExactly("CycloneDX");
        assertThat(report.log().messages()).extracting(ReportLog.Message::toString)
                .anyMatch(message -> message.contains("1 affected references name no component"));

        Finding log4shell = finding(report, "CVE-2021-44228", "gerbwetbqt");
        var softly = new SoftAssertions();
        softly.assertThat(log4shell.cvssScore()).isEqualTo(10.0);
        softly.assertThat(log4shell.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        softly.assertThat(log4shell.purl()).isNull();
        softly.assertThat(log4shell.installedVersion()).isNull();
        softly.assertThat(log4shell.url()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        softly.assertThat(log4shell.title()).isEqualTo("CVE-2021-44228");
        softly.assertThat(log4shell.target()).as("no metadata.component").isNull();
        softly.assertThat(log4shell.isSuppressed()).isFalse();
        softly.assertAll();
    }

    @Test
    void shouldSuppressNotAffectedVexStatementsAndResolveBomLinks() {
        ParsedReport report = read(VEX);

        assertThat(report.findings()).hasSize(2).allMatch(Finding::isSuppressed);
        assertThat(countBySeverity(report)).isEmpty();

        var softly = new SoftAssertions();
        Finding jackson = finding(report, "CVE-2018-7489", "jackson-databind");
        softly.assertThat(jackson.suppression()).isEqualTo("not_affected: code_not_reachable");
        softly.assertThat(jackson.purl()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.8.0");
        softly.assertThat(jackson.installedVersion()).isEqualTo("2.8.0");
        softly.assertThat(jackson.url()).as("the source link names CVE-2019-9997, another CVE").isNull();
        softly.assertThat(jackson.severity()).isEqualTo(Severity.UNKNOWN);

        Finding libstdc = finding(report, "CVE-2022-27943", "libstdc++6");
        softly.assertThat(libstdc.suppression()).as("not_affected without justification, analysis after affects")
                .isEqualTo("not_affected");
        softly.assertThat(libstdc.purl()).isEqualTo(
                "pkg:deb/ubuntu/libstdc%2B%2B6@12.3.0-1ubuntu1~22.04?arch=amd64&distro=ubuntu-22.04");
        softly.assertThat(libstdc.installedVersion()).isEqualTo("12.3.0-1ubuntu1~22.04");
        softly.assertThat(libstdc.url()).isNull();
        softly.assertAll();
    }

    @Test
    void shouldResolveComponentsWrittenAfterTheVulnerabilities() {
        ParsedReport report = read(COMPONENTS_LAST);

        assertThat(report.tools()).containsExactly("Trivy");
        assertThat(report.findings()).hasSize(6);
        assertThat(countBySeverity(report)).containsExactly(entry(Severity.HIGH, 2L), entry(Severity.LOW, 1L),
                entry(Severity.UNKNOWN, 1L));

        var softly = new SoftAssertions();
        Finding databind = finding(report, "CVE-2022-42003", "jackson-databind");
        softly.assertThat(databind.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(databind.cvssScore()).as("the newest CVSS method").isEqualTo(8.7);
        softly.assertThat(databind.cvssVector()).startsWith("CVSS:4.0/");
        softly.assertThat(databind.cwes()).containsExactly("CWE-502");
        softly.assertThat(databind.aliases()).containsExactly("GHSA-jjjh-jjxp-wpff");
        softly.assertThat(databind.description()).as("NUL removed")
                .contains("resource exhaustion can occur because of a lack");
        softly.assertThat(databind.url()).as("the javascript: advisory is not kept")
                .isEqualTo("https://github.com/advisories/GHSA-jjjh-jjxp-wpff");
        softly.assertThat(databind.installedVersion()).isEqualTo("2.13.3");
        softly.assertThat(databind.purl()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.3");
        softly.assertThat(databind.target()).isEqualTo("payments-api");
        softly.assertThat(databind.isSuppressed()).as("exploitable").isFalse();

        Finding shaded = finding(report, "CVE-2022-42003", "jackson-databind-shaded");
        softly.assertThat(shaded.installedVersion()).as("a nested component, by BOM-Link").isEqualTo("2.12.0");
        softly.assertThat(shaded.fingerprint()).isNotEqualTo(databind.fingerprint());
        softly.assertAll();
    }

    @Test
    void shouldMapEveryVexStateAndRatingShape() {
        ParsedReport report = read(COMPONENTS_LAST);

        var softly = new SoftAssertions();
        Finding falsePositive = finding(report, "CVE-2023-0002", "jackson-databind");
        softly.assertThat(falsePositive.suppression()).isEqualTo("false_positive: requires_configuration");
        softly.assertThat(falsePositive.severity()).as("ratings null").isEqualTo(Severity.UNKNOWN);

        Finding resolved = finding(report, "CVE-2023-0003", "left-pad");
        softly.assertThat(resolved.suppression()).isEqualTo("resolved");
        softly.assertThat(resolved.severity()).as("CVSSv3 score, no word").isEqualTo(Severity.MEDIUM);

        Finding triage = finding(report, "CVE-2023-0004", "left-pad");
        softly.assertThat(triage.isSuppressed()).as("in_triage is open").isFalse();
        softly.assertThat(triage.severity()).as("an OWASP score is not CVSS").isEqualTo(Severity.UNKNOWN);
        softly.assertThat(triage.cvssScore()).isNull();

        Finding unplaced = finding(report, "CVE-2023-0005", null);
        softly.assertThat(unplaced.packageName()).as("no affects").isNull();
        softly.assertThat(unplaced.severity()).isEqualTo(Severity.LOW);
        softly.assertAll();

        assertThat(report.log().messages()).extracting(ReportLog.Message::toString)
                .anyMatch(message -> message.contains("1 duplicate results were counted once"));
    }

    @Test
    void shouldTakeTheToolOfAVersionOnePointFourToolsArray() throws ReportException {
        ParsedReport report = detectAndRead("cdx-regression-1.4-tools-array-components-first.json");

        assertThat(report.tools()).containsExactly("Dependency-Track");
        Finding minimist = finding(report, "CVE-2021-44906", "minimist");
        var softly = new SoftAssertions();
        softly.assertThat(minimist.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(minimist.cvssScore()).isEqualTo(9.8);
        softly.assertThat(minimist.cwes()).containsExactly("CWE-1321");
        softly.assertThat(minimist.purl()).isEqualTo("pkg:npm/minimist@1.2.5");
        softly.assertThat(minimist.target()).isEqualTo("billing-service");
        softly.assertThat(minimist.url()).as("a source link that is not about this CVE").isNull();
        softly.assertThat(minimist.title()).startsWith("Minimist <=1.2.5 is vulnerable to Prototype Pollution");
        softly.assertAll();
    }

    @Test
    void shouldReadAnSbomWithoutVulnerabilitiesAsACleanScanOfItsTool() throws ReportException {
        ParsedReport report = detectAndRead("cdx-regression-1.6-sbom-without-vulnerabilities.json");

        assertThat(report.format()).isEqualTo("cyclonedx");
        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly("Syft");
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldRejectVulnerabilitiesThatAreNotAnArray() {
        assertThatThrownBy(() -> detectAndRead("cdx-regression-vulnerabilities-not-an-array.json"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("(CycloneDX JSON) at line 6")
                .hasMessageContaining("expected an array but found a string");
    }
}
