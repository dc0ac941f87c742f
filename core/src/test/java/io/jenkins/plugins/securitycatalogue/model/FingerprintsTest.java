package io.jenkins.plugins.securitycatalogue.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final SecretHasher HASHER = SecretHasher.withKey(new byte[16]);

    @Test
    void shouldKeepAVulnerabilityWhenOnlyTheInstalledVersionOrImageTagChanges() {
        Finding before = vulnerability("pkg:npm/lodash@4.17.20", "registry.example.org:5000/shop/api:1.4.2 (alpine 3.19)",
                "4.17.20");
        Finding after = vulnerability("pkg:npm/lodash@4.17.21", "registry.example.org:5000/shop/api:1.5.0 (alpine 3.19)",
                "4.17.21");

        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void shouldSeparateTheSameVulnerabilityInTwoPackagesOrTargets() {
        Finding musl = vulnerability("pkg:apk/alpine/musl@1.1.20", "image", "1.1.20");
        Finding utils = vulnerability("pkg:apk/alpine/musl-utils@1.1.20", "image", "1.1.20");
        Finding otherTarget = vulnerability("pkg:apk/alpine/musl@1.1.20", "other/package-lock.json", "1.1.20");

        assertThat(musl.fingerprint()).isNotEqualTo(utils.fingerprint()).isNotEqualTo(otherTarget.fingerprint());
    }

    @Test
    void shouldIgnoreLineNumbersAndWhiteSpaceOfCodeFindings() {
        Finding before = weakness(12, "eval(  userInput )");
        Finding moved = weakness(40, "eval( userInput )");

        assertThat(moved.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(weakness(12, "eval(other)").fingerprint()).isNotEqualTo(before.fingerprint());
    }

    @Test
    void shouldIdentifySecretsByTheirKeyedHashAndNeverKeepTheValue() {
        Finding secret = new FindingBuilder(HASHER, "gitleaks", FindingKind.SECRET).id("aws-access-key")
                .path("config.env").title("AWS key AKIAIOSFODNN7EXAMPLE in config").secret("AKIAIOSFODNN7EXAMPLE")
                .build();
        Finding otherKey = new FindingBuilder(SecretHasher.withKey(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
            13, 14, 15, 16}), "gitleaks", FindingKind.SECRET).id("aws-access-key").path("config.env")
                .secret("AKIAIOSFODNN7EXAMPLE").build();

        assertThat(secret.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(secret.title()).isEqualTo("AWS key AKIA**** in config");
        assertThat(secret.secretMask()).isEqualTo("AKIA****");
        assertThat(secret.fingerprint()).isNotEqualTo(otherKey.fingerprint());
    }

    @Test
    void shouldRedactASecretFoundInsideASnippetAndLikelySecretsTheToolDidNotName() {
        Finding snippet = new FindingBuilder(HASHER, "gitleaks", FindingKind.SECRET).id("aws-access-token")
                .path("config.json").title("aws-access-token AKIAIOSFODNN7EXAMPLE found")
                .description("line: \"key\": \"AKIAIOSFODNN7EXAMPLE\",")
                .secret("  \"key\": \"AKIAIOSFODNN7EXAMPLE\",").build();
        Finding unnamed = new FindingBuilder(HASHER, "Trivy", FindingKind.SECRET).id("github-pat")
                .title("GitHub token ghp_abcdefghijklmnopqrstuvwxyz0123456789 in .env")
                .description("in dojo/unittests/scans/report_1_vuln.json").build();

        assertThat(snippet.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(snippet.secretMask()).isEqualTo("AKIA****");
        assertThat(unnamed.title()).isEqualTo("GitHub token ghp_**** in .env");
        assertThat(unnamed.description()).isEqualTo("in dojo/unittests/scans/report_1_vuln.json");
    }

    @Test
    void shouldStripTheVersionOfAPurlOnly() {
        assertThat(Fingerprints.packageIdentity("pkg:npm/%40scope/name@1.2.3?arch=x86#sub", null))
                .isEqualTo("pkg:npm/%40scope/name");
        assertThat(Fingerprints.packageIdentity(null, "openssl")).isEqualTo("openssl");
        assertThat(Fingerprints.normaliseTarget("alpine:3.9.4")).isEqualTo("alpine");
        assertThat(Fingerprints.normaliseTarget("app@sha256:0123456789abcdef0123")).isEqualTo("app");
        assertThat(Fingerprints.normaliseTarget("requirements.txt")).isEqualTo("requirements.txt");
    }

    private static Finding vulnerability(String purl, String target, String installed) {
        return new FindingBuilder(HASHER, "Trivy", FindingKind.VULNERABILITY).id("CVE-2021-23337").purl(purl)
                .target(target).installedVersion(installed).build();
    }

    private static Finding weakness(int line, String snippet) {
        return new FindingBuilder(HASHER, "Semgrep", FindingKind.WEAKNESS).id("python.eval").path("app.py")
                .line(line).flaggedText(snippet).build();
    }
}
