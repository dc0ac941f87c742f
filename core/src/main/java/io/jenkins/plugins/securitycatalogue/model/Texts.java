package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Cleaning of texts and links that come from reports, before they are stored or shown. */
public final class Texts {
    /** The longest description kept; reports carry whole advisories, the catalogue needs a summary. */
    public static final int MAX_DESCRIPTION = 4_000;

    /** The longest one-line value kept (titles, ids, paths, versions). */
    public static final int MAX_LINE = 1_000;

    private Texts() {
    }

    /**
     * Returns the text without NUL and other control characters (C0, C1, DEL, bidirectional overrides; line breaks
     * and tabs are kept, U+2028 and U+2029 become line breaks), trimmed and cut
     * to {@code max} characters with an ellipsis. {@code null} and blank texts become {@code null}.
     */
    @CheckForNull
    public static String clean(@CheckForNull String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() <= max && isClean(text)) {
            String stripped = text.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        var builder = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && builder.length() <= max; i++) {
            char c = text.charAt(i);
            if (c == '\u2028' || c == '\u2029' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                builder.append('\n');
            }
            else if (c == '\n' || c == '\t' || !isControl(c)) {
                builder.append(c);
            }
        }
        String cleaned = builder.toString().strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > max) {
            return cleaned.substring(0, max - 1).strip() + "…";
        }
        return cleaned;
    }

    /**
     * Returns whether {@link #clean(String, int)} would keep every character as it is: no control character, no
     * carriage return and no line or paragraph separator. Most texts of a report are, and need no copy.
     */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u2028' || c == '\u2029' || c != '\n' && c != '\t' && isControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether a character must not reach a terminal or a page: C0 and C1 control characters, DEL, and the
     * bidirectional overrides and isolates that make text read differently from what it is.
     */
    private static boolean isControl(char c) {
        return c < ' ' || c >= '\u007f' && c <= '\u009f' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** Cleans a one-line value: as {@link #clean(String, int)} with line breaks folded into spaces. */
    @CheckForNull
    public static String line(@CheckForNull String text) {
        String cleaned = clean(text, MAX_LINE);
        return cleaned == null ? null : foldWhiteSpace(cleaned);
    }

    /**
     * Replaces each run of white space ({@code \\s} of a regular expression: space, tab, line feed, vertical tab,
     * form feed, carriage return) with one space, as {@code text.replaceAll("\\s+", " ")} does, without a regular
     * expression and without a copy when there is nothing to fold.
     */
    public static String foldWhiteSpace(String text) {
        int length = text.length();
        int first = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isWhiteSpace(c) && (c != ' ' || i + 1 < length && isWhiteSpace(text.charAt(i + 1)))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return text;
        }
        var folded = new StringBuilder(length).append(text, 0, first);
        boolean inRun = false;
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (isWhiteSpace(c)) {
                if (!inRun) {
                    folded.append(' ');
                    inRun = true;
                }
            }
            else {
                folded.append(c);
                inRun = false;
            }
        }
        return folded.toString();
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    /** Returns the URL without a user name and password, which must never be stored or shown. */
    private static String withoutCredentials(URI uri) throws URISyntaxException {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(), null, null).toString()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /**
     * Returns the link if it is an absolute http or https URL, else empty; a user name and password in it are
     * removed. Links from reports reach pages, so
     * {@code javascript:}, {@code data:} and relative links are never kept.
     */
    public static Optional<String> httpUrl(@CheckForNull String link) {
        String cleaned = line(link);
        if (cleaned == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(cleaned);
            String scheme = uri.getScheme();
            if (scheme != null && uri.getHost() != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT)) || "https".equals(scheme.toLowerCase(Locale.ROOT)))) {
                return Optional.of(withoutCredentials(uri));
            }
        }
        catch (URISyntaxException exception) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Returns the first value that is not blank, or {@code null}. */
    @CheckForNull
    public static String firstNonBlank(@CheckForNull String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Returns the first non-blank line of a text cut to 200 characters, for tools that give no title. */
    @CheckForNull
    public static String firstLine(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0) {
            // one line, the usual case: the same result without a stream
            if (stripped.isEmpty()) {
                return null;
            }
            return stripped.length() > 200 ? stripped.substring(0, 199).strip() + "…" : stripped;
        }
        return stripped.lines().filter(line -> !line.isBlank()).findFirst()
                .map(line -> line.length() > 200 ? line.substring(0, 199).strip() + "…" : line.strip())
                .orElse(null);
    }
}
