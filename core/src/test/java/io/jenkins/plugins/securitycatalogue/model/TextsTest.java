package io.jenkins.plugins.securitycatalogue.model;

import static org.assertj.core.api.Assertions.assertThat;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void shouldKeepOnlyAbsoluteHttpLinks() {
        assertThat(Texts.httpUrl("https://nvd.nist.gov/vuln/detail/CVE-2021-44228")).isPresent();
        assertThat(Texts.httpUrl("HTTP://example.org/x")).isPresent();
        assertThat(Texts.httpUrl("javascript:alert(1)")).isEmpty();
        assertThat(Texts.httpUrl("JaVaScRiPt:alert(1)")).isEmpty();
        assertThat(Texts.httpUrl("data:text/html,<script>")).isEmpty();
        assertThat(Texts.httpUrl("//evil.example.org/x")).isEmpty();
        assertThat(Texts.httpUrl("/relative")).isEmpty();
        assertThat(Texts.httpUrl("not a url")).isEmpty();
    }

    @Test
    void shouldDropCredentialsFromLinks() {
        assertThat(Texts.httpUrl("https://user:token@git.example.org/org/repo.git?x=1#top"))
                .contains("https://git.example.org/org/repo.git?x=1#top");
    }

    @Test
    void shouldRemoveEightBitControlsAndBidirectionalOverrides() {
        assertThat(Texts.clean("a\u009b31mb\u007fc\u202ed\u2066e", 100)).isEqualTo("a31mbcde");
        assertThat(Texts.clean("one\u2028two", 100)).isEqualTo("one\ntwo");
    }

    @Test
    void shouldRemoveControlCharactersAndBoundLength() {
        assertThat(Texts.clean("a\u0000b\u001b[31mc\r\nd", 100)).isEqualTo("ab[31mc\nd");
        assertThat(Texts.clean("x".repeat(50), 10)).hasSize(10).endsWith("…");
        assertThat(Texts.clean("   ", 10)).isNull();
        assertThat(Texts.line("one\ntwo\tthree")).isEqualTo("one two three");
    }

    @Test
    void shouldMaskSecrets() {
        assertThat(SecretHasher.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****");
        assertThat(SecretHasher.mask("short")).isEqualTo("****");
    }

    @Test
    void shouldObeyTheEqualsContractOfFindings() {
        EqualsVerifier.forClass(Finding.class).verify();
    }
}
