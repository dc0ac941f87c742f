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
     * Returns the text without NUL and other control characters (but line breaks and tabs), trimmed and cut
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
            if (c >= ' ' || c == '\n' || c == '\t') {
                builder.append(c);
            }
            else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                builder.append('\n');
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

    /** Cleans a one-line value: as {@link #clean(String, int)} with line breaks folded into spaces. */
    @CheckForNull
    public static String line(@CheckForNull String text) {
        String cleaned = clean(text, MAX_LINE);
        return cleaned == null ? null : cleaned.replaceAll("\\s+", " ");
    }

    /**
     * Returns the link if it is an absolute http or https URL, else empty. Links from reports reach pages, so
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
                return Optional.of(uri.toString());
            }
        }
        catch (URISyntaxException exception) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
