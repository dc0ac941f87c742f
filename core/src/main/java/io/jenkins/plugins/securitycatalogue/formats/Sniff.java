package io.jenkins.plugins.securitycatalogue.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A look at the start of a report, enough to tell its format by content and not by file name: the shape of the
 * document, the top-level keys of the first JSON value with one level below each, or the root element of XML.
 */
public final class Sniff {
    /** How much of a file is read to tell its format. */
    public static final int PREFIX_BYTES = 256 * 1024;

    /** The shape of a document. */
    public enum Shape {
        /** Nothing but white space or a byte-order mark. */
        EMPTY,
        /** One JSON object. */
        JSON_OBJECT,
        /** One JSON array. */
        JSON_ARRAY,
        /** Several JSON values, one per line (yarn audit). */
        JSON_LINES,
        /** An XML document. */
        XML,
        /** Anything else. */
        OTHER
    }

    /**
     * One top-level field: its scalar value, or the keys and scalar values one level below (of the object, or of
     * the first element of an array).
     */
    private record Field(@CheckForNull String text, Set<String> childKeys, Map<String, String> childTexts) {
    }

    private final Shape shape;
    private final Map<String, Field> fields;
    @CheckForNull
    private final String xmlRoot;
    @CheckForNull
    private final String xmlNamespace;
    private final boolean truncated;

    private Sniff(Shape shape, Map<String, Field> fields, @CheckForNull String xmlRoot,
            @CheckForNull String xmlNamespace, boolean truncated) {
        this.shape = shape;
        this.fields = fields;
        this.xmlRoot = xmlRoot;
        this.xmlNamespace = xmlNamespace;
        this.truncated = truncated;
    }

    /** Looks at the first {@link #PREFIX_BYTES} of the stream. */
    public static Sniff of(InputStream in) throws IOException {
        return of(in.readNBytes(PREFIX_BYTES));
    }

    /** Looks at the given start of a document. */
    public static Sniff of(byte[] prefix) {
        boolean truncated = prefix.length >= PREFIX_BYTES;
        Charset charset = charsetOf(prefix);
        String text = new String(prefix, charset);
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start == text.length()) {
            return new Sniff(truncated ? Shape.OTHER : Shape.EMPTY, Map.of(), null, null, truncated);
        }
        char first = text.charAt(start);
        if (first == '<') {
            return xml(text.substring(start), truncated);
        }
        if (first == '{' || first == '[') {
            return json(text.substring(start), truncated);
        }
        return new Sniff(Shape.OTHER, Map.of(), null, null, truncated);
    }

    /** Returns the charset that the byte-order mark or the zero bytes of UTF-16 name; UTF-8 by default. */
    static Charset charsetOf(byte[] prefix) {
        if (prefix.length >= 2) {
            int b0 = prefix[0] & 0xff;
            int b1 = prefix[1] & 0xff;
            if (b0 == 0xfe && b1 == 0xff || b0 == 0 && b1 != 0) {
                return StandardCharsets.UTF_16BE;
            }
            if (b0 == 0xff && b1 == 0xfe || b0 != 0 && b1 == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    public Shape shape() {
        return shape;
    }

    /** Returns whether the document was longer than what was looked at. */
    public boolean isTruncated() {
        return truncated;
    }

    /** Returns whether the (first) JSON value has the top-level key. */
    public boolean hasKey(String key) {
        return fields.containsKey(key);
    }

    /** Returns the top-level keys seen, in document order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** Returns the scalar value of a top-level key. */
    public Optional<String> text(String key) {
        Field field = fields.get(key);
        return field == null ? Optional.empty() : Optional.ofNullable(field.text());
    }

    /** Returns the keys of the object at a top-level key, or of the first element of the array there. */
    public Set<String> childKeys(String key) {
        Field field = fields.get(key);
        return field == null ? Set.of() : Collections.unmodifiableSet(field.childKeys());
    }

    /** Returns a scalar value one level below a top-level key (in its object or its array's first element). */
    public Optional<String> childText(String key, String child) {
        Field field = fields.get(key);
        return field == null ? Optional.empty() : Optional.ofNullable(field.childTexts().get(child));
    }

    /** Returns the local name of the XML root element. */
    public Optional<String> xmlRoot() {
        return Optional.ofNullable(xmlRoot);
    }

    /** Returns the namespace URI of the XML root element. */
    public Optional<String> xmlNamespace() {
        return Optional.ofNullable(xmlNamespace);
    }

    @Override
    public String toString() {
        return switch (shape) {
            case XML -> "XML with root element <" + xmlRoot + ">";
            case JSON_OBJECT, JSON_ARRAY, JSON_LINES -> shape.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " with keys " + fields.keySet().stream().limit(12).toList();
            default -> shape.name().toLowerCase(java.util.Locale.ROOT) + " content";
        };
    }

    private static Sniff json(String text, boolean truncated) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Shape shape = text.charAt(0) == '[' ? Shape.JSON_ARRAY : Shape.JSON_OBJECT;
        try (Reader reader = new java.io.StringReader(text); JsonParser parser = Json.factory().createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token == JsonToken.START_OBJECT) {
                readFields(parser, fields);
                if (shape == Shape.JSON_OBJECT && parser.nextToken() == JsonToken.START_OBJECT) {
                    shape = Shape.JSON_LINES;
                }
            }
        }
        catch (IOException exception) {
            // the prefix ends inside the document, or the document is broken: what was seen decides
        }
        return new Sniff(shape, fields, null, null, truncated);
    }

    private static void readFields(JsonParser parser, Map<String, Field> fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Set<String> childKeys = new LinkedHashSet<>();
            Map<String, String> childTexts = new LinkedHashMap<>();
            String text = null;
            // known before its value is read, so that a value cut off by the prefix still names the key
            fields.put(name, new Field(null, childKeys, childTexts));
            if (value == JsonToken.START_OBJECT) {
                readChildren(parser, childKeys, childTexts);
            }
            else if (value == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    readChildren(parser, childKeys, childTexts);
                    parser.nextToken();
                }
                while (parser.currentToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
                    parser.skipChildren();
                    parser.nextToken();
                }
            }
            else if (value != null && value.isScalarValue()) {
                text = parser.getValueAsString();
            }
            fields.put(name, new Field(text, childKeys, childTexts));
        }
    }

    private static void readChildren(JsonParser parser, Set<String> keys, Map<String, String> texts)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            keys.add(name);
            JsonToken value = parser.nextToken();
            if (value != null && value.isScalarValue()) {
                texts.put(name, parser.getValueAsString());
            }
            else {
                parser.skipChildren();
            }
        }
    }

    private static Sniff xml(String text, boolean truncated) {
        XMLInputFactory factory = secureXmlFactory();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new java.io.StringReader(text));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        return new Sniff(Shape.XML, Map.of(), reader.getLocalName(), reader.getNamespaceURI(),
                                truncated);
                    }
                }
            }
            finally {
                reader.close();
            }
        }
        catch (XMLStreamException exception) {
            return new Sniff(Shape.OTHER, Map.of(), null, null, truncated);
        }
        return new Sniff(Shape.OTHER, Map.of(), null, null, truncated);
    }

    /**
     * Returns an XML factory that resolves no external entities and reads no DTD, so that a hostile report can
     * neither read files nor expand entities without bound.
     */
    public static XMLInputFactory secureXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, String value) {
        try {
            factory.setProperty(property, value);
        }
        catch (IllegalArgumentException exception) {
            // this StAX implementation does not know the property; DTDs are off anyway
        }
    }

    /** Returns a reader of the stream in the charset its start names, without the byte-order mark. */
    public static Reader reader(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(4);
        byte[] start = buffered.readNBytes(3);
        buffered.reset();
        Charset charset = charsetOf(start);
        if (charset.equals(StandardCharsets.UTF_8) && start.length == 3 && (start[0] & 0xff) == 0xef
                && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf) {
            buffered.skipNBytes(3);
        }
        else if (!charset.equals(StandardCharsets.UTF_8) && start.length >= 2
                && ((start[0] & 0xff) == 0xfe || (start[0] & 0xff) == 0xff)) {
            buffered.skipNBytes(2);
        }
        var decoder = charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        return new java.io.BufferedReader(new InputStreamReader(buffered, decoder));
    }

    static Sniff ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
