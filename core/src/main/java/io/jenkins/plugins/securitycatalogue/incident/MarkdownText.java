package io.jenkins.plugins.securitycatalogue.incident;

import java.util.regex.Pattern;

/**
 * Escaping for the Markdown of post-mortems. One-line values (titles, names, table cells) are escaped so that
 * they cannot add links, emphasis, headings or table columns; multi-line sections are Markdown already and only
 * lose the power to start a heading, which would split the document on import. Everything escaped here is
 * unescaped by the importer, so a post-mortem survives a round trip unchanged.
 */
final class MarkdownText {
    private static final String INLINE_SPECIALS = "\\`*_[]<>#|!&~";
    private static final String UNESCAPED = INLINE_SPECIALS + "(){}+.-";
    private static final Pattern HEADING_LIKE = Pattern.compile("^( {0,3})(\\\\*#)", Pattern.MULTILINE);
    private static final Pattern ESCAPED_HEADING = Pattern.compile("^( {0,3})\\\\(\\\\*#)", Pattern.MULTILINE);

    private MarkdownText() {
    }

    /** Escapes a one-line value: every Markdown special character gets a backslash. */
    static String inline(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (INLINE_SPECIALS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Removes the backslashes of escaped punctuation, as a Markdown renderer would. */
    static String unescapeInline(String text) {
        var plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && UNESCAPED.indexOf(text.charAt(i + 1)) >= 0) {
                c = text.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** Escapes a section so that none of its lines starts a heading. */
    static String block(String text) {
        return HEADING_LIKE.matcher(text).replaceAll("$1\\\\$2");
    }

    /** Undoes {@link #block(String)}. */
    static String unescapeBlock(String text) {
        return ESCAPED_HEADING.matcher(text).replaceAll("$1$2");
    }
}
