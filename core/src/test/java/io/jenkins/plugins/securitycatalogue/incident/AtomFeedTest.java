package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The Atom feed: only published post-mortems, well-formed whatever the titles say. */
class AtomFeedTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void shouldListOnlyPublishedPostMortemsNewestFirst() throws Exception {
        Incident draft = incident(1, "Draft one", IncidentStatus.DRAFT, NOW);
        Incident older = incident(2, "Older", IncidentStatus.PUBLISHED, NOW.minusSeconds(3600));
        Incident newer = incident(3, "Newer", IncidentStatus.PUBLISHED, NOW);

        Document feed = parse(write(List.of(draft, older, newer), "https://ci.example.org/incidents"));

        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagName("entry").getLength()).isEqualTo(2);
        assertThat(feed.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("INC-2026-003: Newer");
        assertThat(feed.getElementsByTagName("link").item(1).getAttributes().getNamedItem("href").getNodeValue())
                .isEqualTo("https://ci.example.org/incidents/INC-2026-003");
        assertThat(feed.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void shouldStayWellFormedWithHostileTitles() throws Exception {
        String hostile = "]]></title><script>alert('x')</script> & \"quotes\" \uFFFE \uD800 end";
        Incident incident = incident(1, hostile, IncidentStatus.PUBLISHED, NOW);

        String xml = write(List.of(incident), null);
        Document feed = parse(xml);

        assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(feed.getElementsByTagName("entry").getLength()).isEqualTo(1);
        assertThat(feed.getElementsByTagName("title").item(1).getTextContent())
                .startsWith("INC-2026-001: ]]></title><script>alert('x')</script> & \"quotes\"");
    }

    @Test
    void shouldRefuseABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new AtomFeed("x", "javascript:alert(1)")).hasMessageContaining("http or https");
    }

    private static String write(List<Incident> incidents, String baseUrl) throws Exception {
        var out = new StringWriter();
        new AtomFeed("Published post-mortems", baseUrl).write(incidents, NOW, out);
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Incident incident(int number, String title, IncidentStatus status, Instant updated) {
        PostMortem postMortem = PostMortem.builder(title, IncidentSeverity.SEV2).summary("What happened.").build();
        return new Incident(new IncidentId(2026, number), 1, status, "alice", NOW, "bob", updated,
                status == IncidentStatus.PUBLISHED ? updated : null, postMortem);
    }
}
