package io.jenkins.plugins.securitycatalogue.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streaming JSON for the parsers: one configured factory, and helpers that read one element of a large array
 * as a small tree at a time, and that accept every shape real tool versions write (absent, {@code null},
 * a single object where an array was expected).
 */
public final class Json {
    /** Deeper nesting than this is refused: no real report comes close, hostile ones do. */
    public static final int MAX_NESTING = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(50_000_000)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    /** Reads trees; made once, as every large array is read one small tree per element. */
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private Json() {
    }

    /** Returns the shared factory. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Opens a streaming parser; the encoding (UTF-8, UTF-16, UTF-32, with or without BOM) is detected. */
    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** Reads the value at the parser's current token as a tree, leaving the parser on its last token. */
    public static JsonNode readTree(JsonParser parser) throws IOException {
        JsonNode node = TREE_READER.readTree(parser);
        return node == null ? MAPPER.nullNode() : node;
    }

    /**
     * Calls the handler with each field name of the object the parser is at, with the parser on the field's
     * value; values the handler does not consume are skipped.
     */
    public static void forEachField(JsonParser parser, FieldHandler handler) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new UnexpectedShapeException(parser, "expected an object but found " + describe(parser.currentToken()));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            handler.field(name, parser);
            if (parser.currentToken() == value && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
                parser.skipChildren();
            }
        }
    }

    /**
     * Calls the consumer with each element of the array the parser is at, read as a tree one at a time. A single
     * object is taken as an array of one; {@code null} as an empty array.
     */
    public static void forEachElement(JsonParser parser, ElementHandler handler) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            handler.element(readTree(parser), 0);
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new UnexpectedShapeException(parser, "expected an array but found " + describe(token));
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new UnexpectedShapeException(parser, "the file ends inside an array");
            }
            handler.element(readTree(parser), index++);
        }
    }

    /**
     * As {@link #forEachElement(JsonParser, ElementHandler)}, but an element that is an object is read with only
     * the named fields: the others (Dependency-Check's evidence, for one) are skipped without building a tree.
     * Other elements are read whole.
     */
    public static void forEachElement(JsonParser parser, Set<String> fields, ElementHandler handler)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            handler.element(readFields(parser, fields), 0);
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new UnexpectedShapeException(parser, "expected an array but found " + describe(token));
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new UnexpectedShapeException(parser, "the file ends inside an array");
            }
            handler.element(parser.currentToken() == JsonToken.START_OBJECT ? readFields(parser, fields)
                    : readTree(parser), index++);
        }
    }

    /** Reads the object the parser is at with only the named fields, the last of a repeated name kept. */
    private static JsonNode readFields(JsonParser parser, Set<String> fields) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (fields.contains(name)) {
                node.set(name, readTree(parser));
            }
            else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new UnexpectedShapeException(parser, "the file ends inside an object");
        }
        return node;
    }

    /** Returns the field as trimmed text (numbers and booleans as written), or {@code null} if absent or empty. */
    @CheckForNull
    public static String text(@CheckForNull JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Returns the field as a number, or {@code null} if absent or not a number (numeric strings are accepted). */
    @CheckForNull
    public static Double number(@CheckForNull JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.asText().strip());
            }
            catch (NumberFormatException exception) {
                return null;
            }
        }
        return null;
    }

    /** Returns the field as a whole number; absent, negative, fractional or too large values give 0. */
    public static long line(@CheckForNull JsonNode node, String... path) {
        Double value = number(node, path);
        if (value == null || value < 1 || value > Integer.MAX_VALUE || value != Math.floor(value)) {
            return 0;
        }
        return value.longValue();
    }

    /**
     * Returns the elements of an array field; a single object or value is a list of one, absent and {@code null}
     * are empty.
     */
    public static List<JsonNode> list(@CheckForNull JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Collections.emptyList();
        }
        if (value.isArray()) {
            var elements = new java.util.ArrayList<JsonNode>(value.size());
            value.forEach(elements::add);
            return elements;
        }
        return List.of(value);
    }

    /** Calls the consumer with the text of each element of an array field (or of a single text value). */
    public static void eachText(@CheckForNull JsonNode node, String field, Consumer<String> consumer) {
        for (JsonNode element : list(node, field)) {
            if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
                consumer.accept(element.asText().strip());
            }
        }
    }

    /** Returns the node at the path of field names, or {@code null}. */
    @CheckForNull
    public static JsonNode at(@CheckForNull JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current == null || current.isNull() ? null : current;
    }

    /** Describes a token for error messages. */
    public static String describe(@CheckForNull JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** Handles one field of an object during streaming. */
    @FunctionalInterface
    public interface FieldHandler {
        /** Handles the field; the parser is on its value. */
        void field(String name, JsonParser parser) throws IOException;
    }

    /** Handles one element of an array during streaming. */
    @FunctionalInterface
    public interface ElementHandler {
        /** Handles the element read as a tree. */
        void element(JsonNode element, int index) throws IOException;
    }
}
