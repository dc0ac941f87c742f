package io.jenkins.plugins.securitycatalogue.formats.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.securitycatalogue.formats.AbstractFormatTest;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.model.Finding;
import io.jenkins.plugins.securitycatalogue.model.FindingKind;
import io.jenkins.plugins.securitycatalogue.model.Fingerprints;
import io.jenkins.plugins.securitycatalogue.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Reads every real SARIF file of the corpus and the regression fixtures named after what they reproduce. */
class SarifFormatTest extends AbstractFormatTest {
    private static final String CHECKOV = "checkov-3.2.495-terraform-duplicate-results.sarif";
    private static final String CODEQL = "codeql-action-two-runs-lgtm-and-codeql-relatedlocations.sarif";
    private static final String FIVE_RUNS = "codeql-action-five-runs-null-empty-driver-names.sarif";
    private static final String INVALID_URI = "codeql-action-invalid-artifact-uri.sarif";
    private static final String EMPTY_RUNS = "sarif-empty-runs-array.sarif";
    private static final String ESLINT = "eslint-8.34-clean-run-absolute-file-uris.sarif";
    private static final String GITLEAKS = "gitleaks-7.4-sarif-no-ruleid.sarif";
    private static final String SEMGREP = "semgrep-oss-e2e-snapshot.sarif";
    private static final String TRIVY = "trivy-sarif-alpine310-image.sarif";
    private static final String AWS_EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE";

    @Override
    protected ReportFormat format() {
        return new SarifFormat();
    }

    @Override
    protected List<String> realExamples() {
        return List.of(CHECKOV, CODEQL, FIVE_RUNS, INVALID_URI, EMPTY_RUNS, ESLINT, GITLEAKS, SEMGREP, TRIVY);
    }

    @Test
    void shouldCollapseCheckovDuplicatePairsIntoTwoMisconfigurations() {
        ParsedReport report = read(CHECKOV);

        assertThat(report.tools()).containsExactly("Checkov");
        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.HIGH, 2L));
        assertThat(report.findings()).extracting(Finding::kind).containsOnly(FindingKind.MISCONFIGURATION);
        Finding egress = finding(report, "CKV_AWS_382", null);
        var softly = new SoftAssertions();
        softly.assertThat(egress.tool()).isEqualTo("Checkov");
        softly.assertThat(egress.title())
                .isEqualTo("Ensure no security groups allow egress from 0.0.0.0:0 to port -1");
        softly.assertThat(egress.description())
                .isEqualTo("Ensure no security groups allow egress from 0.0.0.0:0 to port -1");
        softly.assertThat(egress.path()).isEqualTo("infrastructure-catalog/modules/vpc/main.tf");
        softly.assertThat(egress.line()).isEqualTo(346);
        softly.assertThat(egress.url()).isEqualTo("https://docs.prismacloud.io/en/enterprise-edition/"
                + "policy-reference/"
                + "aws-policies/aws-networking-policies/bc-aws-382");
        softly.assertThat(egress.suppression()).isNull();
        softly.assertThat(egress.fingerprint()).isEqualTo(Fingerprints.code(FindingKind.MISCONFIGURATION,
                "CKV_AWS_382", "infrastructure-catalog/modules/vpc/main.tf", null,
                snippetOfCheckov()));
        softly.assertThat(finding(report, "CKV2_AWS_5", null).title())
                .isEqualTo("Ensure that Security Groups are attached to another resource");
        softly.assertAll();
        assertThat(report.log().messages()).extracting(Object::toString)
                .contains(CHECKOV + ": 2 duplicate results were counted once");
    }

    @Test
    void shouldKeepTheRunsOfLgtmAndCodeqlApartAndPlainTheEmbeddedLinks() {
        ParsedReport report = read(CODEQL);

        assertThat(report.tools()).containsExactlyInAnyOrder("LGTM.com", "CodeQL");
        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.LOW, 3L));
        assertThat(report.findings()).filteredOn(finding -> finding.id().equals("js/unused-local-variable"))
                .extracting(Finding::tool)
                .containsExactlyInAnyOrder("LGTM.com", "CodeQL");
        Finding unused = report.findings().get(0);
        Finding inconsistent = finding(report, "js/inconsistent-use-of-new", null);
        var softly = new SoftAssertions();
        softly.assertThat(unused.tool()).isEqualTo("LGTM.com");
        softly.assertThat(unused.title()).isEqualTo("Unused variable foo.");
        softly.assertThat(unused.description()).startsWith("Unused variables, imports, functions or classes may");
        softly.assertThat(unused.path()).isEqualTo("main.js");
        softly.assertThat(unused.line()).isEqualTo(2);
        softly.assertThat(unused.kind()).isEqualTo(FindingKind.WEAKNESS);
        softly.assertThat(unused.fingerprint()).isEqualTo(Fingerprints.code(FindingKind.WEAKNESS,
                "js/unused-local-variable", "main.js",
                "primaryLocationLineHash=39fa2ee980eb94b0:1;primaryLocationStartColumnFingerprint=4;", null));
        softly.assertThat(inconsistent.tool()).isEqualTo("CodeQL");
        softly.assertThat(inconsistent.title()).isEqualTo("Function resolvingPromise is sometimes invoked as a "
                + "constructor (for example here), and sometimes as a normal function (for example here).");
        softly.assertThat(inconsistent.path()).isEqualTo("src/promiseUtils.js");
        softly.assertThat(inconsistent.line()).isEqualTo(2);
        softly.assertThat(inconsistent.severity()).isEqualTo(Severity.LOW);
        softly.assertThat(inconsistent.description()).startsWith("If a function is intended to be a constructor");
        softly.assertAll();
    }

    @Test
    void shouldNameEveryRunOfFiveAndGiveUnnamedDriversOneName() {
        ParsedReport report = read(FIVE_RUNS);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactlyInAnyOrder("CodeQL", "ESLint",
                "SARIF (unnamed tool)");
        assertThat(report.incomplete()).as("runs without a results array computed no results")
                .containsOnlyKeys("CodeQL", "ESLint", "SARIF (unnamed tool)");
    }

    @Test
    void shouldTakeARunWithNullResultsAsNotComputedButAnEmptyArrayAsClean() throws Exception {
        Path nullResults = Files.writeString(temporary.resolve("null.sarif"), "{\"version\": \"2.1.0\", "
                + "\"runs\": [{\"tool\": {\"driver\": {\"name\": \"Semgrep\"}}, \"results\": null}]}");
        Path emptyResults = Files.writeString(temporary.resolve("empty.sarif"), "{\"version\": \"2.1.0\", "
                + "\"runs\": [{\"tool\": {\"driver\": {\"name\": \"Semgrep\"}}, \"results\": []}]}");

        assertThat(reader().read(ReportInput.of(nullResults), null).incomplete()).containsOnlyKeys("Semgrep");
        assertThat(reader().read(ReportInput.of(emptyResults), null).incomplete()).isEmpty();
    }

    @Test
    void shouldKeepAnInvalidUriAsTextAndSurviveARuleIndexIntoNoRules() {
        ParsedReport report = read(INVALID_URI);

        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.MEDIUM, 1L));
        Finding unused = finding(report, "js/unused-local-variable", null);
        var softly = new SoftAssertions();
        softly.assertThat(unused.tool()).isEqualTo("LGTM.com");
        softly.assertThat(unused.title()).isEqualTo("Unused variable foo.");
        softly.assertThat(unused.description()).isEmpty();
        softly.assertThat(unused.path()).isEqualTo("not a valid URI");
        softly.assertThat(unused.line()).isEqualTo(2);
        softly.assertThat(unused.url()).isNull();
        softly.assertAll();
    }

    @Test
    void shouldReadAnEmptyRunsArrayAsNoToolsAndNoFindings() {
        ParsedReport report = read(EMPTY_RUNS);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).isEmpty();
        assertThat(report.incomplete()).isEmpty();
    }

    @Test
    void shouldRecordACleanEslintRunAsTheToolHavingRun() {
        ParsedReport report = read(ESLINT);

        assertThat(report.findings()).isEmpty();
        assertThat(report.tools()).containsExactly("ESLint");
        assertThat(report.log().hasWarnings()).isFalse();
    }

    @Test
    void shouldDeriveGitleaksRulesFromMessagesAndNeverKeepTheSecret() {
        ParsedReport report = read(GITLEAKS);

        assertThat(report.tools()).containsExactly("gitleaks");
        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.HIGH, 4L));
        assertThat(report.findings()).extracting(Finding::kind).containsOnly(FindingKind.SECRET);
        assertThat(report.findings()).extracting(Finding::id)
                .containsExactly("AWS Access Key", "Asymmetric Private Key", "AWS Access Key", "AWS Access Key");
        assertThat(report.findings()).extracting(Finding::path).containsExactly(
                "dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json",
                "dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_3_vuln.json",
                "dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_3_vuln.json",
                "dojo/unittests/tools/test_gitlab_secret_detection_report_parser.py");
        Finding first = report.findings().get(0);
        var softly = new SoftAssertions();
        softly.assertThat(first.title()).isEqualTo("AWS Access Key secret detected");
        softly.assertThat(first.description()).isEmpty();
        softly.assertThat(first.secretMask()).isEqualTo("AKIA****");
        softly.assertThat(first.line()).isEqualTo(13);
        softly.assertThat(first.fingerprint()).isEqualTo(Fingerprints.secret("AWS Access Key", first.path(),
                HASHER.hash(AWS_EXAMPLE_KEY)));
        softly.assertThat(report.findings().get(1).secretMask()).isEqualTo("****");
        softly.assertAll();
        assertNoSecretAnywhere(report, AWS_EXAMPLE_KEY, "raw_source_code_extract", "person1@example.invalid",
                "REDACTED_PERSON_1");
    }

    @Test
    void shouldGetRuleMetadataOfSemgrepWhoseResultsComeBeforeTheTool() {
        ParsedReport report = read(SEMGREP);

        assertThat(report.tools()).containsExactly("Semgrep");
        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.HIGH, 1L));
        Finding eqeq = finding(report, "rules.eqeq-is-bad", null);
        var softly = new SoftAssertions();
        softly.assertThat(eqeq.kind()).isEqualTo(FindingKind.WEAKNESS);
        softly.assertThat(eqeq.title())
                .isEqualTo("useless comparison operation `a + b == a + b` or `a + b != a + b`");
        softly.assertThat(eqeq.description()).isEqualTo("useless comparison operation `$X == $X` or `$X != $X`");
        softly.assertThat(eqeq.path()).isEqualTo("targets/basic/stupid.py");
        softly.assertThat(eqeq.line()).isEqualTo(3);
        softly.assertThat(eqeq.url()).isEqualTo("https://semgrep.dev/r/eqeq-bad");
        softly.assertThat(eqeq.fingerprint()).as("'requires login' is no fingerprint")
                .isEqualTo(Fingerprints.code(FindingKind.WEAKNESS, "rules.eqeq-is-bad", "targets/basic/stupid.py",
                        null, "return a + b == a + b"));
        softly.assertAll();
    }

    @Test
    void shouldReadTrivyVulnerabilitiesWithPackageAndVersionsFromTheMessage() {
        ParsedReport report = read(TRIVY);

        assertThat(report.tools()).containsExactly("Trivy");
        assertThat(countBySeverity(report)).containsExactlyInAnyOrderEntriesOf(
                Map.of(Severity.MEDIUM, 6L, Severity.LOW, 2L));
        assertThat(report.findings()).extracting(Finding::kind).containsOnly(FindingKind.VULNERABILITY);
        Finding rng = finding(report, "CVE-2019-1549", "libssl1.1");
        var softly = new SoftAssertions();
        softly.assertThat(rng.title())
                .isEqualTo("OpenSSL 1.1.1 introduced a rewritten random number generator (RNG).");
        softly.assertThat(rng.description()).startsWith("OpenSSL 1.1.1 introduced a rewritten random number");
        softly.assertThat(rng.severity()).isEqualTo(Severity.MEDIUM);
        softly.assertThat(rng.installedVersion()).isEqualTo("1.1.1c-r0");
        softly.assertThat(rng.fixedVersion()).isEqualTo("1.1.1d-r0");
        softly.assertThat(rng.isFixable()).isTrue();
        softly.assertThat(rng.target()).isEqualTo("testdata/fixtures/images/alpine-310.tar.gz");
        softly.assertThat(rng.path()).isEqualTo("testdata/fixtures/images/alpine-310.tar.gz");
        softly.assertThat(rng.url()).isEqualTo("https://avd.aquasec.com/nvd/cve-2019-1549");
        softly.assertThat(rng.aliases()).isEmpty();
        softly.assertThat(rng.fingerprint()).isEqualTo(Fingerprints.vulnerability("CVE-2019-1549", null,
                "libssl1.1", "testdata/fixtures/images/alpine-310.tar.gz"));
        Finding montgomery = finding(report, "CVE-2019-1551", "libcrypto1.1");
        softly.assertThat(montgomery.fixedVersion()).isEqualTo("1.1.1d-r2");
        softly.assertThat(finding(report, "CVE-2019-1547", "libcrypto1.1").severity()).isEqualTo(Severity.LOW);
        softly.assertAll();
    }

    @Test
    void shouldTellSarifFromOtherJsonByContent() {
        assertThat(format().accepts(sniffText("{\"runs\": [{\"tool\": {}}]}"))).isTrue();
        assertThat(format().accepts(sniffText("{\"version\": \"2.1.0\", \"runs\": []}"))).isTrue();
        assertThat(format().accepts(sniffText("{\"$schema\": \"https://x/sarif-2.1.0.json\"}"))).isTrue();
        assertThat(format().accepts(sniffText("{\"runs\": 3}"))).isFalse();
        assertThat(format().accepts(sniffText("{\"SchemaVersion\": 2, \"Results\": []}"))).isFalse();
        assertThat(format().accepts(sniffText("[{\"runs\": []}]"))).isFalse();
    }

    @Test
    void shouldHonourAcceptedSuppressionsOnly() {
        ParsedReport report = read("suppressions-accepted-under-review-rejected.sarif");

        assertThat(report.findings()).hasSize(5);
        assertThat(report.findings()).extracting(Finding::path, Finding::suppression).containsExactly(
                tuple("a.js", "inSource: input is a constant"),
                tuple("b.js", "external"),
                tuple("c.js", null),
                tuple("d.js", null),
                tuple("e.js", null));
        assertThat(countBySeverity(report)).containsExactlyEntriesOf(Map.of(Severity.HIGH, 3L));
    }

    @Test
    void shouldLeaveOutResultsAbsentFromTheScanAndPassedChecks() {
        ParsedReport report = read("baseline-state-absent-and-passed-results.sarif");

        assertThat(report.findings()).extracting(Finding::path).containsExactly("app.py", "old.py", "info.py");
        assertThat(finding(report, "python.flask.debug", null, "info.py").severity()).as("kind informational")
                .isEqualTo(Severity.INFO);
        assertThat(report.log().messages()).extracting(Object::toString).anyMatch(message -> message.contains(
                "1 results absent from the scan (baselineState absent) were left out"));
    }

    @Test
    void shouldWaitForTheToolWhenResultsComeFirstAndReadExtensionRules() {
        ParsedReport report = read("results-before-tool-with-extension-rules.sarif");

        assertThat(report.tools()).containsExactly("CodeQL");
        Finding xss = finding(report, "js/xss", null);
        Finding crypto = finding(report, "js/weak-crypto", null);
        var softly = new SoftAssertions();
        softly.assertThat(xss.title()).isEqualTo("Cross-site scripting vulnerability due to user-provided value.");
        softly.assertThat(xss.severity()).as("security-severity 6.1 before level error")
                .isEqualTo(Severity.MEDIUM);
        softly.assertThat(xss.cvssScore()).isEqualTo(6.1);
        softly.assertThat(xss.cwes()).containsExactly("CWE-79", "CWE-116");
        softly.assertThat(xss.url()).isEqualTo("https://codeql.github.com/codeql-query-help/javascript/js-xss/");
        softly.assertThat(xss.description()).startsWith("Writing user input directly to the DOM");
        softly.assertThat(xss.path()).isEqualTo("src/view.js");
        softly.assertThat(xss.fingerprint()).as("fingerprints sorted by name").isEqualTo(Fingerprints.code(
                FindingKind.WEAKNESS, "js/xss", "src/view.js",
                "primaryLocationLineHash=c0ffee:1;primaryLocationStartColumnFingerprint=8;", null));
        softly.assertThat(crypto.severity()).as("result security-severity 9.1").isEqualTo(Severity.CRITICAL);
        softly.assertThat(crypto.cvssScore()).isEqualTo(9.1);
        softly.assertThat(crypto.cwes()).containsExactly("CWE-327");
        softly.assertThat(crypto.description()).isEqualTo("Use of a broken cryptographic algorithm");
        softly.assertAll();
    }

    @Test
    void shouldResolveUriBaseIdsThroughOriginalUriBaseIds() {
        ParsedReport report = read("uri-base-ids-resolved-through-original-uri-base-ids.sarif");

        assertThat(report.findings()).extracting(Finding::title, Finding::path).containsExactly(
                tuple("relative to a relative base", "services/web app/views.py"),
                tuple("relative to the root", "setup.py"),
                tuple("absolute under the root", "src/main.py"),
                tuple("relative to a nested absolute base", "lib/util.py"),
                tuple("absolute outside every base", "/opt/tool/site.py"),
                tuple("unknown base id", "plain.py"),
                tuple("base that refers to itself", "x/x/x/x/x/x/x/x/x/loop.py"),
                tuple("artifact index without uri", "services/web app/from/artifact.py"),
                tuple("artifact index to an absolute uri", "by/index.py"),
                tuple("artifact index out of range", null),
                tuple("windows drive", "C:/build/src/Program.cs"));
    }

    @Test
    void shouldKeepUrisOfOtherSchemesAsWritten() {
        ParsedReport report = read("non-file-uri-schemes.sarif");

        assertThat(report.findings()).extracting(Finding::title, Finding::path).containsExactly(
                tuple("https", "https://example.com/app/main.js"),
                tuple("git", "git://example.com/repo.git/src/a.c"),
                tuple("relative to an https base", "lib/b.js"),
                tuple("spaces, not a URI", "my dir/some file.js"));
    }

    @Test
    void shouldKeepAResultWithoutLocationAsAWholeRepositoryFinding() {
        ParsedReport report = read("result-without-location.sarif");

        assertThat(report.findings()).hasSize(3).allSatisfy(finding -> {
            assertThat(finding.path()).isNull();
            assertThat(finding.line()).isZero();
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.description()).isEqualTo(
                    "Determines if the default and release branches are protected.");
        });
        assertThat(report.log().hasWarnings()).isFalse();
    }

    @Test
    void shouldFindRulesByIndexByParentIdAndFillMessageTemplates() {
        ParsedReport report = read("rule-index-and-message-strings.sarif");

        var softly = new SoftAssertions();
        Finding byIndex = finding(report, "C6011", null);
        softly.assertThat(byIndex.path()).isEqualTo("a.c");
        softly.assertThat(byIndex.severity()).isEqualTo(Severity.LOW);
        softly.assertThat(byIndex.description()).isEqualTo("Dereferencing NULL pointer");
        Finding template = finding(report, "C6001", null);
        softly.assertThat(template.title())
                .isEqualTo("Using uninitialized memory 'buf' in main; see the docs or {braces}.");
        softly.assertThat(template.severity()).isEqualTo(Severity.HIGH);
        Finding child = finding(report, "C6001/uninit-struct", null);
        softly.assertThat(child.severity()).as("level of the parent rule").isEqualTo(Severity.HIGH);
        softly.assertThat(child.description()).isEqualTo("Using uninitialized memory");
        Finding unknown = finding(report, "C9999", null);
        softly.assertThat(unknown.severity()).as("no rule: warning by default").isEqualTo(Severity.MEDIUM);
        softly.assertAll();
        assertThat(report.findings()).hasSize(4);
        assertThat(report.log().messages()).extracting(Object::toString)
                .anyMatch(message -> message.contains("skipped runs[0].results[4]"));
    }

    @Test
    void shouldReadUtf16LittleEndianWithByteOrderMark() throws ReportException {
        assertReadsTheUnicodeFixture(detectAndRead("utf16le-with-bom.sarif"));
    }

    @Test
    void shouldReadUtf8WithByteOrderMark() throws ReportException {
        assertReadsTheUnicodeFixture(detectAndRead("utf8-with-bom.sarif"));
    }

    @Test
    void shouldDropNulCharactersInsideStrings() {
        ParsedReport report = read("nul-characters-in-strings.sarif");

        assertThat(report.tools()).containsExactly("CodeScanner");
        Finding finding = finding(report, "ruleone", null);
        var softly = new SoftAssertions();
        softly.assertThat(finding.title()).isEqualTo("message witha NUL");
        softly.assertThat(finding.description()).isEqualTo("fulldescription");
        softly.assertThat(finding.path()).isEqualTo("src/nul.c");
        softly.assertThat(finding.toString()).doesNotContain("\u0000");
        softly.assertAll();
    }

    @Test
    void shouldTakeStartLinesOutOfRangeAsUnknown() {
        ParsedReport report = read("start-line-zero-negative-and-huge.sarif");

        assertThat(report.findings()).extracting(Finding::path, Finding::line).containsExactly(
                tuple("zero.js", 0),
                tuple("negative.js", 0),
                tuple("huge.js", 0),
                tuple("int.js", 0),
                tuple("fraction.js", 0),
                tuple("text.js", 0),
                tuple("fine.js", Integer.MAX_VALUE));
    }

    @Test
    void shouldMarkARunWhoseExecutionFailedAsIncomplete() {
        ParsedReport report = read("scan-failed-execution-unsuccessful.sarif");

        assertThat(report.tools()).containsExactlyInAnyOrder("Semgrep", "ESLint");
        assertThat(report.incomplete()).containsOnlyKeys("Semgrep");
        assertThat(report.incomplete().get("Semgrep")).isEqualTo("the tool reported that its execution was "
                + "not successful: Timeout when running rules on src/big.py");
        assertThat(report.findings()).extracting(Finding::id).containsExactly("python.eval");
    }

    @Test
    void shouldMarkToolsOfAnotherSarifVersionAsIncomplete() {
        ParsedReport report = read("sarif-version-2.0.0-not-supported.sarif");

        assertThat(report.incomplete()).containsOnlyKeys("Old Tool");
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void shouldAcceptNullListsAndSkipOnlyTheOddResults() {
        ParsedReport report = read("null-lists-and-missing-severity.sarif");

        assertThat(report.tools()).containsExactlyInAnyOrder("Analyzer", "Analyzer Two");
        assertThat(report.findings()).extracting(Finding::id).containsExactly("no-severity", "no-message");
        Finding noSeverity = finding(report, "no-severity", null);
        assertThat(noSeverity.severity()).as("SARIF's default level warning").isEqualTo(Severity.MEDIUM);
        assertThat(noSeverity.path()).isNull();
        Finding noMessage = finding(report, "no-message", null);
        assertThat(noMessage.title()).isEqualTo("no-message");
        assertThat(noMessage.severity()).isEqualTo(Severity.HIGH);
        assertThat(report.log().messages()).extracting(Object::toString)
                .anyMatch(message -> message.contains("skipped runs[0].results[2]"))
                .anyMatch(message -> message.contains("skipped runs[0].results[3]"))
                .anyMatch(message -> message.contains("skipped runs[0].results[4]"));
    }

    @Test
    void shouldHashASecretGivenOnlyAsTheSnippet() {
        ParsedReport report = read("secret-value-only-in-snippet.sarif");

        assertThat(report.findings()).hasSize(2).extracting(Finding::kind).containsOnly(FindingKind.SECRET);
        Finding production = report.findings().get(0);
        assertThat(production.severity()).as("a secret without level").isEqualTo(Severity.HIGH);
        assertThat(production.secretMask()).isEqualTo("AKIA****");
        assertThat(production.fingerprint()).isEqualTo(Fingerprints.secret("aws-access-token", "config/prod.env",
                HASHER.hash(AWS_EXAMPLE_KEY)));
        assertThat(report.findings().get(1).severity()).isEqualTo(Severity.LOW);
        assertNoSecretAnywhere(report, AWS_EXAMPLE_KEY);
    }

    @Test
    void shouldTellTrivyMisconfigurationsSecretsAndLanguageVulnerabilities() {
        ParsedReport report = read("trivy-config-and-secret-results.sarif");

        Finding root = finding(report, "DS002", null);
        Finding secret = finding(report, "aws-access-key-id", null);
        Finding django = finding(report, "pyup.io-38834", "django");
        var softly = new SoftAssertions();
        softly.assertThat(root.kind()).isEqualTo(FindingKind.MISCONFIGURATION);
        softly.assertThat(root.title())
                .isEqualTo("Specify at least 1 USER command in Dockerfile with non-root user as argument");
        softly.assertThat(root.severity()).isEqualTo(Severity.HIGH);
        softly.assertThat(root.path()).isEqualTo("Dockerfile");
        softly.assertThat(secret.kind()).isEqualTo(FindingKind.SECRET);
        softly.assertThat(secret.title()).isEqualTo("AWS Access Key ID");
        softly.assertThat(secret.severity()).isEqualTo(Severity.CRITICAL);
        softly.assertThat(secret.path()).isEqualTo("config/app.env");
        softly.assertThat(django.kind()).isEqualTo(FindingKind.VULNERABILITY);
        softly.assertThat(django.severity()).isEqualTo(Severity.LOW);
        softly.assertThat(django.installedVersion()).isEqualTo("3.0.1");
        softly.assertThat(django.fixedVersion()).isEqualTo("3.0.14");
        softly.assertThat(django.target()).isEqualTo("requirements.txt");
        softly.assertAll();
    }

    @Test
    void shouldRejectRunsThatAreNotAnArrayNamingTheFile() {
        assertThatThrownBy(() -> detectAndRead("runs-is-not-an-array.sarif"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("runs-is-not-an-array.sarif (SARIF) at line 1")
                .hasMessageContaining("'runs' must be an array of runs, found a string");
    }

    @Test
    void shouldRejectALogWithoutRuns() throws Exception {
        Path file = Files.writeString(temporary.resolve("no-runs.sarif"),
                "{\"version\": \"2.1.0\", \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"}");

        assertThatThrownBy(() -> reader().read(
                ReportInput.of(file, "no-runs.sarif"), null))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("no 'runs' array");
    }

    @Test
    void shouldNeverKeepASecretValueFromAnyRealFile() {
        for (String example : realExamples()) {
            assertNoSecretAnywhere(read(example), AWS_EXAMPLE_KEY);
        }
    }

    private void assertReadsTheUnicodeFixture(ParsedReport report) {
        assertThat(report.format()).isEqualTo("sarif");
        assertThat(report.tools()).containsExactly("Sécurité Scanner");
        Finding finding = finding(report, "naïve-rule", null);
        assertThat(finding.title()).isEqualTo("Ünïcode message ✓");
        assertThat(finding.path()).isEqualTo("src/café.py");
        assertThat(finding.line()).isEqualTo(7);
    }

    private static Finding finding(ParsedReport report, String id, String packageName, String path) {
        List<Finding> matches = report.findings().stream()
                .filter(finding -> finding.id().equals(id) && Objects.equals(finding.path(), path))
                .filter(finding -> packageName == null || packageName.equals(finding.packageName()))
                .toList();
        assertThat(matches).as("findings %s in %s", id, path).hasSize(1);
        return matches.get(0);
    }

    private static void assertNoSecretAnywhere(ParsedReport report, String... forbidden) {
        for (Finding finding : report.findings()) {
            assertThat(finding.toString()).doesNotContain(forbidden);
        }
        assertThat(report.log().messages()).extracting(Object::toString)
                .allSatisfy(message -> assertThat(message).doesNotContain(forbidden));
    }

    private static Sniff sniffText(String text) {
        return Sniff.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String snippetOfCheckov() {
        return "resource \"aws_security_group\" \"vpc_endpoints\" {\n"
                + "  count = length(var.interface_vpc_endpoints) > 0 ? 1 : 0\n\n"
                + "  name_prefix = \"${var.name}-vpc-endpoints-\"\n  vpc_id      = aws_vpc.main.id\n"
                + "  description = \"Security group for VPC endpoints\"\n\n  ingress {\n"
                + "    description = \"HTTPS from VPC\"\n    from_port   = 443\n    to_port     = 443\n"
                + "    protocol    = \"tcp\"\n    cidr_blocks = [aws_vpc.main.cidr_block]\n  }\n\n  egress {\n"
                + "    description = \"All outbound traffic\"\n    from_port   = 0\n    to_port     = 0\n"
                + "    protocol    = \"-1\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n\n  tags = merge(\n"
                + "    var.tags,\n    {\n      Name = \"${var.name}-vpc-endpoints-sg\"\n    }\n  )\n\n"
                + "  lifecycle {\n    create_before_destroy = true\n  }\n}\n";
    }
}
