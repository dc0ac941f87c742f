package io.jenkins.plugins.securitycatalogue.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class TextsTest {
    /** The regular expressions the hand-written loops replace; their results must not change (fingerprints). */
    @Test
    void shouldFoldWhiteSpaceAndCleanAsTheRegularExpressionsDid() {
        char[] alphabet = {'a', 'Z', ' ', '\t', '\n', '\r', '\013', '\f', '\u0085', '\u00a0', '\u2028', '\u2029',
            '\u202e', '\u0000', '\u007f', '\u3000', ':', '/'};
        var random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = text.toString();
            assertThat(Texts.foldWhiteSpace(value)).as("fold %s", value).isEqualTo(value.replaceAll("\\s+", " "));
            assertThat(Texts.clean(value, 6)).as("clean %s", value).isEqualTo(cleanByCopy(value, 6));
        }
    }

    /** {@link Texts#clean(String, int)} as it was before its fast path for texts that need no change. */
    private static String cleanByCopy(String text, int max) {
        var builder = new StringBuilder();
        for (int i = 0; i < text.length() && builder.length() <= max; i++) {
            char c = text.charAt(i);
            if (c == '\u2028' || c == '\u2029' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                builder.append('\n');
            }
            else if (c == '\n' || c == '\t' || !(c < ' ' || c >= '\u007f' && c <= '\u009f'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069')) {
                builder.append(c);
            }
        }
        String cleaned = builder.toString().strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > max ? cleaned.substring(0, max - 1).strip() + "…" : cleaned;
    }

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
