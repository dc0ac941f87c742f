package io.jenkins.plugins.securitycatalogue.formats.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.securitycatalogue.formats.AbstractVulnerabilityJsonFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class TrivyFormatTest extends AbstractVulnerabilityJsonFormatTest {
    private static final String NO_VULNS = "trivy-v2-alpine-no-vulns.json";
    private static final String EOSL = "trivy-v2-alpine39-image-critical-eosl.json";
    private static final String FS = "trivy-v2-fs-vulns-misconfig-secrets.json";

    @Override
    protected ReportFormat format() {
        return new TrivyFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(FS, EOSL, NO_VULNS);
    }

    @Override
    protected String encodingExample() {
        return FS;
    }

    @Test
    void shouldReadAResultWithoutVulnerabilitiesAsACleanScan() {
        ParsedReport report = read(NO_VULNS);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly("Trivy");
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldKeepTheSameCveOfTwoPackagesAsTwoFindingsAndWarnOfAnEndOfSupportOs() {
        ParsedReport report = read(EOSL);

        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 2L));
        assertThat(report.findings()).extracting(Finding::packageName).containsExactly("musl", "musl-utils");
        assertThat(report.log().messages()).extracting(ReportLog.Message::toString).anyMatch(message -> message
                .contains("alpine 3.9.4 is end-of-support"));

        Finding musl = finding(report, "CVE-2019-14697", "musl");
        var softly = new SoftAssertions();
        softly.assertThat(musl.tool()).isEqualTo("Trivy");
        softly.assertThat(musl.kind()).isEqualTo(FindingKind.VULNERABILITY);
        softly.assertThat(musl.title()).as("no Title: first line of the description, cut").startsWith(
                "musl libc through 1.1.23 has an x87 floating-point stack adjustment imbalance").endsWith("…")
                .hasSizeLessThanOrEqualTo(200);
        softly.assertThat(musl.description()).endsWith("not present in an application's source code.");
        softly.assertThat(musl.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(musl.cvssScore()).isEqualTo(9.8);
        softly.assertThat(musl.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        softly.assertThat(musl.cwes()).containsExactly("CWE-787");
        softly.assertThat(musl.installedVersion()).isEqualTo("1.1.20-r4");
        softly.assertThat(musl.fixedVersion()).isEqualTo("1.1.20-r5");
        softly.assertThat(musl.target()).as("the OS release is not part of the target")
                .isEqualTo("testdata/fixtures/images/alpine-39.tar.gz");
        softly.assertThat(musl.url()).isEqualTo("https://avd.aquasec.com/nvd/cve-2019-14697");
        softly.assertThat(musl.isSuppressed()).isFalse();
        softly.assertThat(musl.fingerprint()).isNotEqualTo(finding(report, "CVE-2019-14697", "musl-utils")
                .fingerprint());
        softly.assertAll();
    }

    @Test
    void shouldReadVulnerabilitiesMisconfigurationsAndSecretsOfAFilesystemScan() {
        ParsedReport report = read(FS);

        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 2L), entry(Severity.HIGH, 2L),
                entry(Severity.MEDIUM, 1L));
        assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.VULNERABILITY,
                FindingKind.VULNERABILITY, FindingKind.MISCONFIGURATION, FindingKind.SECRET, FindingKind.SECRET);

        var softly = new SoftAssertions();
        Finding redos = finding(report, "CVE-2021-33503", "urllib3");
        softly.assertThat(redos.title()).isEqualTo("python-urllib3: ReDoS in the parsing of authority part of URL");
        softly.assertThat(redos.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(redos.cvssScore()).as("from SeveritySource nvd").isEqualTo(7.5);
        softly.assertThat(redos.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
        softly.assertThat(redos.cwes()).containsExactly("CWE-400");
        softly.assertThat(redos.installedVersion()).isEqualTo("1.26.3");
        softly.assertThat(redos.fixedVersion()).isEqualTo("1.26.5");
        softly.assertThat(redos.target()).isEqualTo("requirements.txt");
        softly.assertThat(redos.path()).isEqualTo("requirements.txt");

        Finding proxy = finding(report, "CVE-2021-28363", "urllib3");
        softly.assertThat(proxy.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(proxy.cvssScore()).isEqualTo(6.5);
        softly.assertThat(proxy.fixedVersion()).isEqualTo("1.26.4");

        Finding root = finding(report, "DS002", null);
        softly.assertThat(root.kind()).isEqualTo(FindingKind.MISCONFIGURATION);
        softly.assertThat(root.title()).isEqualTo("Image user should not be 'root'");
        softly.assertThat(root.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(root.path()).isEqualTo("Dockerfile");
        softly.assertThat(root.target()).isEqualTo(".");
        softly.assertThat(root.line()).as("Code.Lines is null, no StartLine").isZero();
        softly.assertThat(root.description()).contains("Specify at least 1 USER command in Dockerfile")
                .endsWith("Resolution: Add 'USER <non root user name>' line to the Dockerfile");
        softly.assertThat(root.url()).isEqualTo("https://avd.aquasec.com/misconfig/ds002");
        softly.assertAll();
    }

    @Test
    void shouldKeepTheSecretsOfTwoFilesApartWithoutTheirValues() {
        ParsedReport report = read(FS);

        List<Finding> secrets = report.findings().stream().filter(f -> f.kind() == FindingKind.SECRET).toList();

        assertThat(secrets).extracting(Finding::path).containsExactly("Dockerfile", "secret.txt");
        assertThat(secrets).extracting(Finding::line).containsExactly(24, 1);
        var softly = new SoftAssertions();
        for (Finding secret : secrets) {
            softly.assertThat(secret.id()).isEqualTo("github-pat");
            softly.assertThat(secret.title()).isEqualTo("GitHub Personal Access Token");
            softly.assertThat(secret.severity()).isEqualTo(Severity.CRITICAL);
            softly.assertThat(secret.description()).isEqualTo("Category: GitHub");
            softly.assertThat(secret.toString()).doesNotContain("GITHUB_PAT");
        }
        softly.assertThat(secrets.get(0).fingerprint()).isNotEqualTo(secrets.get(1).fingerprint());
        softly.assertAll();
    }

    @Test
    void shouldKeepTheDockerfileMisconfigurationAndTheDockerfileSecretAsDifferentFindings() {
        ParsedReport report = read(FS);

        assertThat(report.findings()).filteredOn(finding -> "Dockerfile".equals(finding.path()))
                .extracting(Finding::kind).containsExactly(FindingKind.MISCONFIGURATION, FindingKind.SECRET);
    }

    @Test
    void shouldSurviveNulNullListsMissingSeveritiesOddLinesAndDuplicates() {
        ParsedReport report = read("trivy-regression-nul-null-lists-missing-severity-odd-lines.json");

        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 1L),
                entry(Severity.HIGH, 1L), entry(Severity.MEDIUM, 2L), entry(Severity.LOW, 1L),
                entry(Severity.UNKNOWN, 2L));
        assertThat(report.log().messages()).extracting(ReportLog.Message::toString)
                .anyMatch(message -> message.contains("skipped Results[0].Vulnerabilities[3]"))
                .anyMatch(message -> message.contains("1 duplicate results were counted once"))
                .anyMatch(message -> message.contains("2 passed or excepted checks are not findings"));

        var softly = new SoftAssertions();
        Finding nul = finding(report, "CVE-2024-0001", "libnul");
        softly.assertThat(nul.title()).isEqualTo("title with a NUL inside");
        softly.assertThat(nul.description()).isEqualTo("line one\nline two");
        softly.assertThat(nul.severity()).as("no Severity word: from the CVSS score").isEqualTo(Severity.HIGH);
        softly.assertThat(nul.purl()).isEqualTo("pkg:deb/debian/libnul@1.0-1?arch=amd64&distro=debian-12.5");
        softly.assertThat(nul.aliases()).containsExactly("DSA-0000-1");
        softly.assertThat(nul.cwes()).isEmpty();
        softly.assertThat(nul.url()).isNull();
        softly.assertThat(nul.target()).isEqualTo("registry.example.com/team/app:1.4.2");
        softly.assertThat(finding(report, "CVE-2024-0002", "libnosev").severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(finding(report, "KSV001", null).line()).isZero();
        softly.assertThat(finding(report, "KSV001", null).aliases()).containsExactly("AVD-KSV-0001");
        softly.assertThat(finding(report, "KSV012", null).line()).isZero();
        softly.assertThat(finding(report, "KSV014", null).line()).isZero();
        softly.assertThat(finding(report, "KSV020", null).severity()).isEqualTo(Severity.UNKNOWN);
        softly.assertThat(finding(report, "KSV020", null).path()).isEqualTo("deploy/pod.yaml");
        softly.assertThat(report.findings()).extracting(Finding::id).doesNotContain("KSV003", "KSV004");
        softly.assertAll();
    }

    @Test
    void shouldNeverKeepTheSecretValueOfTheCodeLines() {
        ParsedReport report = read("trivy-regression-nul-null-lists-missing-severity-odd-lines.json");

        Finding secret = finding(report, "aws-secret-access-key", null);

        assertThat(secret.path()).isEqualTo("app/settings.py");
        assertThat(secret.line()).isEqualTo(12);
        assertThat(report.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("EXAMPLEKEY");
    }

    @Test
    void shouldMarkAnUnknownSchemaVersionIncompleteAndStillReadWhatItUnderstands() {
        ParsedReport report = read("trivy-regression-unknown-schema-version.json");

        assertThat(report.incomplete()).containsOnlyKeys("Trivy");
        assertThat(report.incomplete().get("Trivy")).contains("SchemaVersion 3");
        assertThat(finding(report, "CVE-2023-39325", "golang.org/x/net").fixedVersion()).isEqualTo("0.17.0");
    }

    @Test
    void shouldReadTheLegacySchemaOneArray() throws ReportException {
        ParsedReport report = detectAndRead("trivy-regression-schema1-legacy-array.json");

        assertThat(report.format()).isEqualTo("trivy");
        Finding openssl = finding(report, "CVE-2019-1549", "openssl");
        assertThat(openssl.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(openssl.target()).isEqualTo("alpine:3.10");
        assertThat(openssl.url()).isEqualTo("https://www.openssl.org/news/secadv/20190910.txt");
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldRejectResultsThatAreNotAnArrayNamingThePosition() {
        assertThatThrownBy(() -> detectAndRead("trivy-regression-results-not-an-array.json"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("(Trivy JSON) at line 4")
                .hasMessageContaining("expected the array of results but found a string");
    }
}
