package io.jenkins.plugins.securitycatalogue.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.securitycatalogue.formats.AbstractVulnerabilityJsonFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The corpus has no real OSV-Scanner report yet: the main fixture is hand-written in the documented shape of
 * {@code osv-scanner --format json} (see PROVENANCE.md beside it), so these tests prove the reading of that shape,
 * not of a real tool run.
 */
class OsvScannerFormatTest extends AbstractVulnerabilityJsonFormatTest {
    private static final String HANDWRITTEN = "osv-scanner-v1-shape-handwritten.json";

    @Override
    protected ReportFormat format() {
        return new OsvScannerFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(HANDWRITTEN);
    }

    @Override
    protected String encodingExample() {
        return HANDWRITTEN;
    }

    @Test
    void shouldReadOneFindingPerGroupAndPackage() {
        ParsedReport report = read(HANDWRITTEN);

        assertThat(report.tools()).containsExactly("OSV-Scanner");
        assertThat(report.findings()).extracting(Finding::id).containsExactly("GHSA-35jh-r3h4-6jhm",
                "GHSA-29mw-wpgm-hmr9", "GO-2023-1988", "PYSEC-2099-1", "PYSEC-2099-2");
        assertThat(countBySeverity(report)).containsExactly(entry(Severity.CRITICAL, 1L), entry(Severity.HIGH, 1L),
                entry(Severity.MEDIUM, 2L), entry(Severity.LOW, 1L));

        var softly = new SoftAssertions();
        Finding lodash = finding(report, "GHSA-35jh-r3h4-6jhm", "lodash");
        softly.assertThat(lodash.aliases()).containsExactly("CVE-2021-23337");
        softly.assertThat(lodash.title()).isEqualTo("Command Injection in lodash");
        softly.assertThat(lodash.severity()).as("from max_severity 7.2").isEqualTo(Severity.HIGH);
        softly.assertThat(lodash.cvssScore()).isEqualTo(7.2);
        softly.assertThat(lodash.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H");
        softly.assertThat(lodash.cwes()).containsExactly("CWE-77", "CWE-94");
        softly.assertThat(lodash.installedVersion()).isEqualTo("4.17.20");
        softly.assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        softly.assertThat(lodash.target()).isEqualTo("/home/build/workspace/app/package-lock.json");
        softly.assertThat(lodash.url()).as("the ADVISORY reference").isEqualTo(
                "https://nvd.nist.gov/vuln/detail/CVE-2021-23337");
        softly.assertAll();
    }

    @Test
    void shouldMergeTheRecordsOfAGroupIntoOneFinding() {
        ParsedReport report = read(HANDWRITTEN);

        Finding net = finding(report, "GO-2023-1988", "golang.org/x/net");

        var softly = new SoftAssertions();
        softly.assertThat(net.aliases()).containsExactlyInAnyOrder("GHSA-2wrh-6pvc-2jm9", "CVE-2023-3978");
        softly.assertThat(net.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(net.cvssScore()).isEqualTo(6.1);
        softly.assertThat(net.cvssVector()).as("from the GHSA record of the group")
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N");
        softly.assertThat(net.cwes()).containsExactly("CWE-79");
        softly.assertThat(net.title()).isEqualTo("Improper rendering of text nodes in golang.org/x/net/html");
        softly.assertThat(net.fixedVersion()).isEqualTo("0.13.0");
        softly.assertThat(net.url()).isEqualTo("https://osv.dev/vulnerability/GO-2023-1988");
        softly.assertThat(net.path()).isEqualTo("/home/build/workspace/app/go.mod");
        softly.assertAll();
        assertThat(report.findings()).filteredOn(finding -> "golang.org/x/net".equals(finding.packageName()))
                .hasSize(1);
    }

    @Test
    void shouldChooseTheFixOfTheInstalledBranchAndFallBackToTheSeverityWord() {
        ParsedReport report = read(HANDWRITTEN);

        Finding branches = finding(report, "PYSEC-2099-1", "examplepkg");
        assertThat(branches.fixedVersion()).isEqualTo("3.2.10");
        assertThat(branches.severity()).as("empty max_severity").isEqualTo(Severity.LOW);
        assertThat(branches.cvssScore()).isNull();

        Finding ungrouped = finding(report, "PYSEC-2099-2", "oldshape");
        assertThat(ungrouped.severity()).as("no groups: one finding per record").isEqualTo(Severity.CRITICAL);
        assertThat(ungrouped.title()).isEqualTo(
                "Synthetic record of a report written before OSV-Scanner grouped records.");
        assertThat(ungrouped.fixedVersion()).isNull();
    }

    @Test
    void shouldSurviveNulNullListsGroupsWithoutIdsAndDuplicatePackages() {
        ParsedReport report = read("osv-regression-nul-null-lists-duplicates.json");

        Finding time = finding(report, "RUSTSEC-2020-0071", "time");
        assertThat(time.title()).isEqualTo("Potential segfault in the time crate");
        assertThat(time.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(time.target()).isEqualTo("services/api/Cargo.lock");
        assertThat(report.findings()).hasSize(1);
        assertThat(report.log().messages()).extracting(ReportLog.Message::toString)
                .anyMatch(message -> message.contains("skipped results[0].packages[0].groups[1]"))
                .anyMatch(message -> message.contains("1 duplicate results were counted once"));
    }

    @Test
    void shouldReadAReportWithoutResultsAsACleanScan() throws ReportException {
        ParsedReport report = detectAndRead("osv-regression-no-vulnerabilities.json");

        assertThat(report.format()).isEqualTo("osv-scanner");
        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly("OSV-Scanner");
    }

    @Test
    void shouldNotMistakeSemgrepResultsForOsvScannerResults() {
        String semgrep = """
                {"results": [{"check_id": "python.lang.security.audit.eval", "path": "app.py",
                  "start": {"line": 3, "col": 1}, "end": {"line": 3, "col": 9}, "extra": {"severity": "ERROR"}}],
                 "errors": [], "version": "1.50.0"}
                """;

        assertThat(format().accepts(Sniff.of(semgrep.getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void shouldRejectResultsThatAreNotAnArray() {
        assertThatThrownBy(() -> read("osv-regression-results-not-an-array.json"))
                .hasMessageContaining("(OSV-Scanner JSON) at line 2")
                .hasMessageContaining("expected the array of results but found an object");
    }
}
