package io.jenkins.plugins.securitycatalogue.incident;

import java.util.Locale;

/**
 * How bad a security incident was, on the four-level scale most incident handbooks use. The level is chosen by
 * impact, not by how hard the fix was; when in doubt, pick the higher level and lower it later.
 */
public enum IncidentSeverity {
    /** Confirmed exposure or loss of sensitive data or funds, or a production service fully down or controlled by an
     * attacker; needs all hands now. */
    SEV1("critical: data or funds exposed or lost, or production controlled by an attacker or down"),
    /** A serious compromise or outage contained to part of a service or of its users, or credentials with broad
     * access leaked. */
    SEV2("major: partial compromise or outage, or powerful credentials exposed"),
    /** A limited incident: a vulnerability exploitable in production without evidence of abuse, or a minor
     * degradation. */
    SEV3("minor: exploitable weakness found in production, no evidence of abuse, small degradation"),
    /** A near miss: caught before it reached users or production; recorded so that others learn from it. */
    SEV4("low: near miss, caught before it reached users or production");

    private final String meaning;

    IncidentSeverity(String meaning) {
        this.meaning = meaning;
    }

    /** Returns what the level means, for help texts and documentation. */
    public String meaning() {
        return meaning;
    }

    /**
     * Parses {@code SEV1}, {@code sev-1}, {@code 1}.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static IncidentSeverity parse(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (normalised.matches("[1-4]")) {
            normalised = "SEV" + normalised;
        }
        try {
            return valueOf(normalised);
        }
        catch (IllegalArgumentException exception) {
            throw new IllegalArgumentException("Severity '" + text + "' is not valid: use SEV1, SEV2, SEV3 or SEV4",
                    exception);
        }
    }
}
