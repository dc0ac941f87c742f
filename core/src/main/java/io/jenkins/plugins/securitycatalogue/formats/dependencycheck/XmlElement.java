package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of an XML report read as a small tree: the streaming reader reads one dependency at a time this
 * way, so that memory grows with one dependency and not with the report. Names are local names: the schema
 * versions differ in namespace only.
 */
final class XmlElement {
    /** Deeper nesting than this within one dependency is refused; real reports nest about six levels. */
    private static final int MAX_DEPTH = 64;

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlElement(String name) {
        this.name = name;
    }

    /** Reads the element the reader is at (a start element) and everything in it; leaves it at the end element. */
    static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
        return read(reader, 0);
    }

    private static XmlElement read(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("elements are nested deeper than " + MAX_DEPTH, reader.getLocation());
        }
        var element = new XmlElement(reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                element.children.add(read(reader, depth + 1));
            }
            else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                element.text.append(reader.getText());
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                return element;
            }
        }
        throw new XMLStreamException("the file ends inside <" + element.name + ">", reader.getLocation());
    }

    String name() {
        return name;
    }

    /** Returns the element's own text, trimmed; {@code null} if blank. */
    @CheckForNull
    String text() {
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    @CheckForNull
    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    Map<String, String> attributes() {
        return attributes;
    }

    List<XmlElement> children() {
        return children;
    }

    /** Returns the children with the name. */
    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** Returns the first child with the name. */
    @CheckForNull
    XmlElement child(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).findFirst().orElse(null);
    }

    /** Returns the text of the first child with the name. */
    @CheckForNull
    String childText(String childName) {
        XmlElement child = child(childName);
        return child == null ? null : child.text();
    }
}
