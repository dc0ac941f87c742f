package io.jenkins.plugins.securitycatalogue.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The list of supported formats in the documentation is the registry's; regenerate it with -DupdateDocs. */
class SupportedFormatsDocumentationTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "formats.md");

    @Test
    void shouldDocumentEveryRegisteredFormat() throws Exception {
        String generated = SupportedFormats.markdown(new FormatRegistry());
        if (System.getProperty("updateDocs") != null) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }

        assertThat(DOCUMENT).as("docs/formats.md is outdated: regenerate it with -DupdateDocs").hasContent(generated);
        for (ReportFormat format : new FormatRegistry().formats()) {
            assertThat(generated).contains("`" + format.id() + "`");
        }
    }
}
