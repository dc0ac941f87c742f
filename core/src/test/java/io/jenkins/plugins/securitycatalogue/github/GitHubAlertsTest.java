package io.jenkins.plugins.securitycatalogue.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.securitycatalogue.github.GitHubStub.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.recording.Recorder;
import io.jenkins.plugins.securitycatalogue.recording.RecordingRequest;
import io.jenkins.plugins.securitycatalogue.recording.RecordingResult;
import io.jenkins.plugins.securitycatalogue.recording.ServiceMetadata;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code scanning and Dependabot alerts imported as scans and merged like any other tool's. */
class GitHubAlertsTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(new byte[32]);
    private static final RepositoryCoordinates SHOP = new RepositoryCoordinates("127.0.0.1", "acme", "shop");

    private final GitHubStub github = new GitHubStub();

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldMapCodeScanningAlertsOfEveryPage() throws Exception {
        stubCodeScanning();

        ParsedReport report = alerts().codeScanning(SHOP);

        assertThat(report.tools()).containsExactly("GitHub code scanning");
        assertThat(report.findings()).extracting(Finding::id)
                .containsExactly("java/sql-injection", "java/xss", "java/unused-parameter");
        Finding injection = report.findings().get(0);
        var softly = new SoftAssertions();
        softly.assertThat(injection.kind()).isEqualTo(FindingKind.WEAKNESS);
        softly.assertThat(injection.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(injection.cwes()).containsExactly("CWE-89");
        softly.assertThat(injection.path()).isEqualTo("src/main/java/com/acme/shop/OrderDao.java");
        softly.assertThat(injection.line()).isEqualTo(88);
        softly.assertThat(injection.title()).isEqualTo("Query built from user-controlled sources");
        softly.assertThat(injection.description()).contains("user-provided value", "Reported by CodeQL 2.19.3");
        softly.assertThat(injection.url()).isEqualTo("https://github.com/acme/shop/security/code-scanning/4");
        softly.assertThat(injection.isSuppressed()).isFalse();
        softly.assertThat(report.findings().get(1).suppression())
                .isEqualTo("dismissed on GitHub: used in tests (Only the test fixture builds this page)");
        softly.assertThat(report.findings().get(1).cwes()).containsExactly("CWE-79", "CWE-116");
        softly.assertThat(report.findings().get(2).severity()).isEqualTo(Severity.LOW);
        softly.assertThat(report.log().messages().toString()).contains("4 alerts read from GitHub, 1 of them fixed");
        softly.assertAll();
    }

    @Test
    void shouldMapDependabotAlertsToVulnerabilities() throws Exception {
        github.getJson("/repos/acme/shop/dependabot/alerts", "dependabot-alerts.json");

        ParsedReport report = alerts().dependabot(SHOP);

        assertThat(report.tools()).containsExactly("Dependabot");
        assertThat(report.findings()).extracting(Finding::id)
                .containsExactly("CVE-2020-36518", "CVE-2021-44906", "GHSA-aaaa-bbbb-cccc", "CVE-2024-35195");
        Finding jackson = report.findings().get(0);
        var softly = new SoftAssertions();
        softly.assertThat(jackson.kind()).isEqualTo(FindingKind.VULNERABILITY);
        softly.assertThat(jackson.aliases()).containsExactly("GHSA-57j2-w4cx-62h2");
        softly.assertThat(jackson.packageName()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
        softly.assertThat(jackson.fixedVersion()).isEqualTo("2.12.6.1");
        softly.assertThat(jackson.isFixable()).isTrue();
        softly.assertThat(jackson.target()).isEqualTo("pom.xml");
        softly.assertThat(jackson.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(jackson.cvssScore()).isEqualTo(7.5);
        softly.assertThat(jackson.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
        softly.assertThat(jackson.cwes()).containsExactly("CWE-787");
        softly.assertThat(jackson.description()).startsWith("Vulnerable versions: < 2.12.6.1.");
        softly.assertThat(report.findings().get(1).suppression())
                .isEqualTo("dismissed on GitHub: tolerable_risk (Build-time only)");
        softly.assertThat(report.findings().get(2).suppression())
                .isEqualTo("auto-dismissed on GitHub by a Dependabot rule");
        softly.assertThat(report.findings().get(2).fixedVersion()).isNull();
        softly.assertThat(report.findings().get(3).severity()).isEqualTo(Severity.MEDIUM);
        softly.assertAll();
    }

    @Test
    void shouldKeepFingerprintsAcrossImportsSoThatMergingFindsWhatWasFixed() throws Exception {
        github.getJson("/repos/acme/shop/dependabot/alerts", "dependabot-alerts.json");
        try (CatalogueStore store = CatalogueStore.openDirectory(directory)) {
            GitHubAlerts alerts = new GitHubAlerts(github.connect(), store.secretHasher());
            Instant first = Instant.parse("2026-12-01T00:00:00Z");
            RecordingResult initial = record(store, alerts.dependabot(SHOP), first);

            github.server.resetAll();
            github.server.stubFor(get(urlPathEqualTo(PREFIX + "/repos/acme/shop/dependabot/alerts"))
                    .willReturn(GitHubStub.json(200, "dependabot-alerts.json").withBody(withFirstAlertFixed())));
            RecordingResult again = record(store, alerts.dependabot(SHOP), first.plus(Duration.ofDays(2)));

            assertThat(initial.tools()).singleElement().satisfies(change -> {
                assertThat(change.added()).isEqualTo(2);
                assertThat(change.suppressed()).isEqualTo(2);
            });
            assertThat(again.tools()).singleElement().satisfies(change -> {
                assertThat(change.added()).isZero();
                assertThat(change.stillOpen()).isEqualTo(1);
                assertThat(change.fixed()).isEqualTo(1);
            });
            assertThat(again.fixedFindings()).extracting(Finding::id).containsExactly("CVE-2020-36518");
            assertThat(again.open().total()).isEqualTo(1);
            assertThat(again.suppressed()).isEqualTo(2);
        }
    }

    @Test
    void shouldMarkAnImportCutShortByThePageLimitIncomplete() throws Exception {
        stubCodeScanning();

        ParsedReport report = new GitHubAlerts(github.connect(github.settings().withMaxPages(1)), HASHER)
                .codeScanning(SHOP);

        assertThat(report.findings()).hasSize(2);
        assertThat(report.incomplete()).containsKey("GitHub code scanning");
        assertThat(report.incomplete().get("GitHub code scanning")).contains("only the first 1 pages were read");
    }

    @Test
    void shouldSayWhyAlertsCannotBeRead() throws Exception {
        github.getError("/repos/acme/shop/code-scanning/alerts", 403, "error-code-scanning-disabled.json");

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> alerts().codeScanning(SHOP));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).contains("the code scanning alerts of acme/shop",
                "GitHub said: Advanced Security must be enabled for this repository to use code scanning.");
    }

    private GitHubAlerts alerts() throws GitHubException {
        return new GitHubAlerts(github.connect(), HASHER);
    }

    private void stubCodeScanning() {
        String path = PREFIX + "/repos/acme/shop/code-scanning/alerts";
        String next = "http://127.0.0.1:" + github.server.port() + path + "?per_page=100&page=2";
        github.server.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .willReturn(GitHubStub.json(200, "code-scanning-alerts-page-2.json")));
        github.server.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(GitHubStub.json(200, "code-scanning-alerts-page-1.json")
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")));
    }

    private static String withFirstAlertFixed() throws Exception {
        ArrayNode alerts = (ArrayNode) new ObjectMapper().readTree(GitHubStub.fixture("dependabot-alerts.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) alerts.get(0)).put("state", "fixed");
        return alerts.toString();
    }

    private static RecordingResult record(CatalogueStore store, ParsedReport report, Instant at) throws Exception {
        return new Recorder(store, CataloguePolicy.defaults()).record(new RecordingRequest(
                ServiceMetadata.named("shop"), "main", null, null, List.of(report), at));
    }
}
