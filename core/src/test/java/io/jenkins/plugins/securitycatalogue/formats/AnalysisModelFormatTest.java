package io.jenkins.plugins.securitycatalogue.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge to analysis-model's parsers, which is chosen by id only: it reads real reports through parser ids
 * and maps the issues to findings. Not an {@link AbstractFormatTest}, since no content is told as this format.
 */
class AnalysisModelFormatTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(
            "analysis-model-tests-key-0123".getBytes(StandardCharsets.UTF_8));
    private static final String NPM = "analysismodel/npm-audit-v2-one-vuln.json";
    private static final String GRYPE = "analysismodel/grype-recent-chainguard-minified-single-line.json";

    @TempDir
    private Path temporary;

    @Test
    void shouldFindParsersByBareAndPrefixedIdButNeverByContent() {
        var registry = new FormatRegistry();

        assertThat(registry.find("checkstyle")).get().extracting(ReportFormat::id)
                .isEqualTo("analysis-model:checkstyle");
        assertThat(registry.find("analysis-model:grype")).get().satisfies(format -> {
            assertThat(format.id()).isEqualTo("analysis-model:grype");
            assertThat(format.displayName()).isEqualTo("Grype (analysis-model)");
            assertThat(format.accepts(Sniff.of(bytes(GRYPE)))).isFalse();
        });
        assertThat(registry.find("npm-audit")).as("a built-in id wins over analysis-model's").get()
                .extracting(ReportFormat::id).isEqualTo("npm-audit");
    }

    @Test
    void shouldMapNpmAuditIssuesToAdvisoriesNotToTheirCwe() throws Exception {
        ParsedReport report = read(NPM, "analysis-model:npm-audit");

        assertThat(report.format()).isEqualTo("analysis-model:npm-audit");
        assertThat(report.findings()).hasSize(2);
        assertThat(counts(report)).isEqualTo(Map.of(Severity.MEDIUM, 1L, Severity.HIGH, 1L));

        var softly = new SoftAssertions();
        Finding redos = only(report, "GHSA-gxpj-cx7g-858c");
        softly.assertThat(redos.kind()).isEqualTo(FindingKind.VULNERABILITY);
        softly.assertThat(redos.title()).isEqualTo("Regular Expression Denial of Service in debug");
        softly.assertThat(redos.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(redos.cwes()).containsExactly("CWE-400");
        softly.assertThat(redos.packageName()).isEqualTo("debug");
        softly.assertThat(redos.url()).isEqualTo("https://github.com/advisories/GHSA-gxpj-cx7g-858c");
        softly.assertThat(redos.description()).as("tags and entities of the HTML description removed")
                .startsWith("debug <2.6.9 Direct, Fix Available Score: 5.3").doesNotContain("<p>", "&lt;");
        softly.assertThat(redos.path()).as("analysis-model's '-' is no path").isNull();

        Finding complexity = only(report, "GHSA-9vvw-cc9w-f27h");
        softly.assertThat(complexity.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(complexity.cwes()).containsExactly("CWE-1333");
        softly.assertAll();
    }

    @Test
    void shouldMapGrypeMatchesToVulnerabilitiesWithPackageAndVersion() throws Exception {
        ParsedReport report = read(GRYPE, "analysis-model:grype");

        assertThat(report.tools()).containsExactly("Grype");
        assertThat(report.findings()).hasSize(24);
        assertThat(report.findings()).allMatch(finding -> finding.kind() == FindingKind.VULNERABILITY);
        // analysis-model maps Grype's 7 "Unknown" severities to its lowest warning level: the bridge reads LOW
        assertThat(counts(report)).isEqualTo(Map.of(Severity.CRITICAL, 2L, Severity.HIGH, 13L, Severity.MEDIUM, 2L,
                Severity.LOW, 7L));

        Finding quic = only(report, "CVE-2026-18798");
        var softly = new SoftAssertions();
        softly.assertThat(quic.title()).isEqualTo("Issue summary: QUIC server may double free QRX (QUIC record"
                + " layer RX) object");
        softly.assertThat(quic.description()).contains("Impact summary: Double free leads to heap corruption");
        softly.assertThat(quic.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(quic.packageName()).isEqualTo("libcrypto3");
        softly.assertThat(quic.installedVersion()).isEqualTo("3.6.3-r3");
        softly.assertThat(quic.target()).isEqualTo("/usr/lib/apk/db/installed");
        softly.assertThat(quic.url()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2026-18798");
        softly.assertAll();
    }

    @Test
    void shouldListTheKnownFormatsForAnUnknownId() throws Exception {
        Path file = Files.writeString(temporary.resolve("report.txt"), "anything");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "report.txt"), "no-such-tool"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("report.txt: unknown format 'no-such-tool'; known formats: [")
                .hasMessageContaining("dependency-check-json")
                .hasMessageContaining("yarn-audit")
                .hasMessageEndingWith("and the parser ids of analysis-model");
        assertThat(new FormatRegistry().find("analysis-model:no-such-tool")).isEmpty();
    }

    @Test
    void shouldNameTheFileAndParserWhenAnalysisModelCannotParse() throws Exception {
        Path file = Files.writeString(temporary.resolve("broken.json"), "{\"auditReportVersion\": 2, \"vulner");

        assertThatThrownBy(() -> reader().read(ReportInput.of(file, "reports/broken.json"),
                "analysis-model:npm-audit"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("reports/broken.json (npm Audit (analysis-model)): ");
    }

    private static ReportReader reader() {
        return new ReportReader(new FormatRegistry(), HASHER);
    }

    private ParsedReport read(String resource, String formatId) throws ReportException {
        return reader().read(ReportInput.of(path(resource), resource), formatId);
    }

    private static Finding only(ParsedReport report, String id) {
        assertThat(report.findings()).filteredOn(finding -> finding.id().equals(id)).hasSize(1);
        return report.findings().stream().filter(finding -> finding.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<Severity, Long> counts(ParsedReport report) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        report.findings().forEach(finding -> counts.merge(finding.severity(), 1L, Long::sum));
        return counts;
    }

    private Path path(String resource) {
        try {
            return Path.of(getClass().getResource(resource).toURI());
        }
        catch (URISyntaxException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private byte[] bytes(String resource) {
        try {
            return Files.readAllBytes(path(resource));
        }
        catch (java.io.IOException exception) {
            throw new java.io.UncheckedIOException(exception);
        }
    }
}
