package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom feed (RFC 4287) of published post-mortems, so that other teams can follow what the organisation learns.
 * Written with {@link XMLStreamWriter}, which escapes every value; characters that XML 1.0 cannot carry at all are
 * dropped, so a hostile title cannot make the feed ill-formed.
 */
public final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int SUMMARY_LENGTH = 1_000;

    private final String title;
    @CheckForNull
    private final String baseUrl;

    /**
     * Creates a feed.
     *
     * @param title the feed's title
     * @param baseUrl the http or https URL under which each incident has a page ({@code base + INC-2018-001}), or
     *        {@code null} for a feed without links
     * @throws IllegalArgumentException if the base URL is not http or https
     */
    public AtomFeed(String title, @CheckForNull String baseUrl) {
        this.title = title;
        this.baseUrl = baseUrl == null ? null : Texts.httpUrl(baseUrl).map(url -> url.endsWith("/") ? url : url + "/")
                .orElseThrow(() -> new IllegalArgumentException("The feed's base URL must be an absolute http or "
                        + "https URL, got '" + baseUrl + "'"));
    }

    /**
     * Writes the feed of the published incidents among the given ones, most recently updated first.
     *
     * @param now the feed's update time when there is no entry
     * @throws XMLStreamException if the writer fails
     */
    public void write(List<Incident> incidents, Instant now, Writer out) throws XMLStreamException {
        List<Incident> published = incidents.stream()
                .filter(incident -> incident.status() == IncidentStatus.PUBLISHED)
                .sorted(Comparator.comparing(Incident::updatedAt).reversed())
                .toList();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.setDefaultNamespace(ATOM);
        xml.writeStartElement(ATOM, "feed");
        xml.writeDefaultNamespace(ATOM);
        text(xml, "title", title);
        text(xml, "id", baseUrl == null ? "urn:uuid:" + uuid("feed:" + title) : baseUrl);
        text(xml, "updated", time(published.isEmpty() ? now : published.get(0).updatedAt()));
        author(xml, "Security Catalogue");
        if (baseUrl != null) {
            link(xml, baseUrl, "alternate");
        }
        for (Incident incident : published) {
            entry(xml, incident);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private void entry(XMLStreamWriter xml, Incident incident) throws XMLStreamException {
        xml.writeStartElement(ATOM, "entry");
        text(xml, "title", incident.id() + ": " + incident.title());
        text(xml, "id", "urn:uuid:" + uuid("incident:" + incident.id()));
        text(xml, "updated", time(incident.updatedAt()));
        if (incident.publishedAt() != null) {
            text(xml, "published", time(incident.publishedAt()));
        }
        author(xml, incident.createdBy());
        if (baseUrl != null) {
            link(xml, baseUrl + incident.id(), "alternate");
        }
        xml.writeStartElement(ATOM, "category");
        xml.writeAttribute("term", incident.severity().name());
        xml.writeEndElement();
        String summary = incident.postMortem().summary();
        text(xml, "summary", summary == null ? incident.title() : shortened(summary));
        xml.writeEndElement();
    }

    private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement(ATOM, "author");
        text(xml, "name", name);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
        xml.writeStartElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlSafe(href));
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static String shortened(String text) {
        String cleaned = Texts.clean(text, SUMMARY_LENGTH);
        return cleaned == null ? "" : cleaned;
    }

    private static String time(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops what XML 1.0 cannot carry: control characters and unpaired surrogates, U+FFFE and U+FFFF. */
    static String xmlSafe(String text) {
        var safe = new StringBuilder(text.length());
        text.codePoints().filter(AtomFeed::isXmlChar).forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
