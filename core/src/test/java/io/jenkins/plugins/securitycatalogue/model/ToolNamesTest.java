package io.jenkins.plugins.securitycatalogue.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolNamesTest {
    @Test
    void shouldGiveEveryKnownToolOneName() {
        assertThat(ToolNames.canonical("trivy")).isEqualTo("Trivy");
        assertThat(ToolNames.canonical("CodeQL command-line toolchain")).isEqualTo("CodeQL");
        assertThat(ToolNames.canonical("Gitleaks")).isEqualTo("gitleaks");
        assertThat(ToolNames.canonical("dependency-check")).isEqualTo("OWASP Dependency-Check");
        assertThat(ToolNames.canonical("My Scanner\n2")).isEqualTo("My Scanner 2");
        assertThat(ToolNames.canonical(" ")).isEqualTo("unnamed tool");
    }

    @Test
    void shouldMakePathsUnderTheWorkspaceRelative() {
        var hasher = SecretHasher.withKey(new byte[16]);
        Finding linux = new FindingBuilder(hasher, "OSV-Scanner", FindingKind.VULNERABILITY)
                .baseDirectory("/home/agent/workspace/shop/").id("GHSA-1").packageName("lodash")
                .target("/home/agent/workspace/shop/app/package-lock.json").build();
        Finding otherAgent = new FindingBuilder(hasher, "OSV-Scanner", FindingKind.VULNERABILITY)
                .baseDirectory("C:\\agents\\ws\\shop@2").id("GHSA-1").packageName("lodash")
                .target("C:\\agents\\ws\\shop@2\\app\\package-lock.json").build();
        Finding outside = new FindingBuilder(hasher, "OSV-Scanner", FindingKind.VULNERABILITY)
                .baseDirectory("/ws").id("GHSA-1").packageName("lodash").path("/etc/passwd").build();

        assertThat(linux.target()).isEqualTo("app/package-lock.json");
        assertThat(otherAgent.target()).isEqualTo("app/package-lock.json");
        assertThat(otherAgent.fingerprint()).isEqualTo(linux.fingerprint());
        assertThat(outside.path()).isEqualTo("/etc/passwd");
    }
}
