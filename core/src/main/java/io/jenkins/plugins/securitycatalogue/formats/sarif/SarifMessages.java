package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of SARIF messages: a message is its text, or a template of the rule found by its id, with the
 * {@code {0}} placeholders filled from its arguments and embedded links {@code [text](1)} turned into plain text.
 */
final class SarifMessages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,4})\\}");
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\([^)\\s]*\\)");
    private static final Pattern FIELD = Pattern.compile("^([A-Z][A-Za-z ]{0,40}):[ \\t]*(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");
    private static final int MAX_SENTENCE = 200;

    private SarifMessages() {
    }

    /** Returns the plain text of a result's {@code message}, or {@code null} if it has none. */
    @CheckForNull
    static String text(@CheckForNull JsonNode message, @CheckForNull SarifRule rule) {
        String template = Json.text(message, "text");
        if (template == null) {
            template = Json.text(message, "markdown");
        }
        String id = Json.text(message, "id");
        if (template == null && id != null && rule != null) {
            template = rule.messageStrings().get(id);
        }
        if (template == null) {
            return null;
        }
        List<String> arguments = new ArrayList<>();
        Json.list(message, "arguments").forEach(argument -> arguments.add(argument.asText()));
        return plainLinks(arguments.isEmpty() ? template : fill(template, arguments));
    }

    /** Returns the first line that is not blank. */
    @CheckForNull
    static String firstLine(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text.isBlank() ? null : text;
        }
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElse(null);
    }

    /** Returns the first sentence of a text, for a title, cut at a bounded length. */
    @CheckForNull
    static String firstSentence(@CheckForNull String text) {
        String line = firstLine(text);
        if (line == null) {
            return null;
        }
        Matcher end = SENTENCE_END.matcher(line);
        String sentence = end.find() ? line.substring(0, end.start() + 1) : line;
        return sentence.length() <= MAX_SENTENCE ? sentence : sentence.substring(0, MAX_SENTENCE - 1) + "…";
    }

    /**
     * Returns the {@code Key: value} lines of a message (Trivy writes {@code Package:},
     * {@code Installed Version:}, {@code Fixed Version:}, {@code Message:}), or an empty map unless the message
     * starts with two such lines.
     */
    static Map<String, String> fields(@CheckForNull String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null) {
            return fields;
        }
        if (text.indexOf(':') < 0) {
            // every field line has a colon: most messages are prose, and need no matching line by line
            return Map.of();
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            Matcher field = FIELD.matcher(line.strip());
            if (field.matches()) {
                fields.putIfAbsent(field.group(1), field.group(2).strip());
            }
        }
        boolean leading = lines.size() >= 2 && FIELD.matcher(lines.get(0).strip()).matches()
                && FIELD.matcher(lines.get(1).strip()).matches();
        return leading ? fields : Map.of();
    }

    private static String fill(String template, List<String> arguments) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        var filled = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < arguments.size() ? arguments.get(index) : placeholder.group();
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString().replace("{{", "{").replace("}}", "}");
    }

    private static String plainLinks(String text) {
        if (text.indexOf('[') < 0 && text.indexOf(']') < 0) {
            return text;
        }
        Matcher link = LINK.matcher(text);
        var plain = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(plain, Matcher.quoteReplacement(link.group(1)));
        }
        link.appendTail(plain);
        return plain.toString().replace("\\[", "[").replace("\\]", "]");
    }
}
