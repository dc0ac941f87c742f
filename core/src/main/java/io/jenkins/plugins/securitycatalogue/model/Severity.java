package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;

/**
 * The one severity scale of the catalogue. Every tool's own scale is mapped onto it, so that one SLA
 * and one risk score apply across tools. Constants are ordered from the most to the least severe.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO,
    UNKNOWN;

    /**
     * Maps a tool's severity word. Accepts the words real tools write, in any case: {@code critical},
     * {@code high}, {@code medium}/{@code moderate}, {@code low}, {@code negligible}/{@code info}/
     * {@code informational}/{@code none}. Anything else, including {@code null}, is {@link #UNKNOWN}.
     */
    public static Severity fromText(@CheckForNull String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "important" -> HIGH;
            case "medium", "moderate" -> MEDIUM;
            case "low", "minor" -> LOW;
            case "info", "informational", "negligible", "none", "note" -> INFO;
            default -> UNKNOWN;
        };
    }

    /**
     * Maps a CVSS score by the qualitative ranges of CVSS v3 (also used for v4): 0.0 none, 0.1-3.9 low,
     * 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. Scores outside 0-10 or NaN are {@link #UNKNOWN}.
     */
    public static Severity fromCvss(double score) {
        if (Double.isNaN(score) || score < 0 || score > 10) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : INFO;
    }

    /** Returns whether this severity is at least as severe as the other one; {@link #UNKNOWN} ranks below all. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Returns the lower-case name used in reports, the command line and URLs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
