package io.jenkins.plugins.securitycatalogue.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SniffTest {
    @Test
    void shouldReadTopLevelKeysAndOneLevelBelow() {
        Sniff sniff = Sniff.ofText("{\"SchemaVersion\": 2, \"Metadata\": {\"OS\": {}}, \"Results\": [{\"Target\": \"x\"}]}");

        assertThat(sniff.shape()).isEqualTo(Sniff.Shape.JSON_OBJECT);
        assertThat(sniff.text("SchemaVersion")).contains("2");
        assertThat(sniff.childKeys("Metadata")).containsExactly("OS");
        assertThat(sniff.childText("Results", "Target")).contains("x");
    }

    @Test
    void shouldNameAKeyWhoseValueIsCutOffByThePrefix() {
        var big = new StringBuilder("{\"runs\": [{\"results\": [");
        while (big.length() < Sniff.PREFIX_BYTES + 10) {
            big.append("{\"ruleId\": \"r\"},");
        }
        Sniff sniff = Sniff.ofText(big.toString());

        assertThat(sniff.isTruncated()).isTrue();
        assertThat(sniff.hasKey("runs")).isTrue();
    }

    @Test
    void shouldTellJsonLinesXmlAndEmptyContent() {
        assertThat(Sniff.ofText("{\"type\":\"auditAdvisory\"}\n{\"type\":\"auditSummary\"}\n").shape())
                .isEqualTo(Sniff.Shape.JSON_LINES);
        Sniff xml = Sniff.ofText("<?xml version=\"1.0\"?>\n<analysis xmlns=\"https://example.org/dc.xsd\"/>");
        assertThat(xml.shape()).isEqualTo(Sniff.Shape.XML);
        assertThat(xml.xmlRoot()).contains("analysis");
        assertThat(xml.xmlNamespace()).contains("https://example.org/dc.xsd");
        assertThat(Sniff.ofText(" \n\t").shape()).isEqualTo(Sniff.Shape.EMPTY);
        assertThat(Sniff.ofText("plain text").shape()).isEqualTo(Sniff.Shape.OTHER);
    }

    @Test
    void shouldReadByteOrderMarksAndUtf16() throws Exception {
        var utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xff, (byte) 0xfe});
        utf16.write("{\"bomFormat\": \"CycloneDX\"}".getBytes(StandardCharsets.UTF_16LE));
        var utf8 = new ByteArrayOutputStream();
        utf8.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        utf8.write("{\"bomFormat\": \"CycloneDX\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(Sniff.of(utf16.toByteArray()).text("bomFormat")).contains("CycloneDX");
        assertThat(Sniff.of(utf8.toByteArray()).text("bomFormat")).contains("CycloneDX");
    }

    @Test
    void shouldNotResolveExternalEntitiesWhileSniffing() {
        Sniff sniff = Sniff.ofText("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<r>&x;</r>");

        assertThat(sniff.shape()).isIn(Sniff.Shape.XML, Sniff.Shape.OTHER);
    }
}
