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
        return cleaned == null ? null : cleaned.replaceAll("\\s+", " ");
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
        return text.strip().lines().filter(line -> !line.isBlank()).findFirst()
                .map(line -> line.length() > 200 ? line.substring(0, 199).strip() + "…" : line.strip())
                .orElse(null);
    }
}
