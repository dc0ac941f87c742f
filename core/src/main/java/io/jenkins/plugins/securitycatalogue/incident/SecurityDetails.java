package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes a post-mortem a security one: the vulnerabilities and catalogue findings involved, what was
 * affected, the builds that introduced and fixed the problem, and whether disclosure or notification was due.
 * These link the post-mortem to the catalogue's services, versions and findings.
 *
 * @param vulnerabilities vulnerability ids: CVE, GHSA or other advisory ids
 * @param findings fingerprints of catalogue findings
 * @param services names of the affected catalogue services
 * @param environments the affected environments
 * @param versions the affected versions
 * @param introducedBy the build or deployment that introduced the problem
 * @param fixedBy the build or deployment that fixed it
 * @param disclosure whether users, regulators or the public had to be told
 */
public record SecurityDetails(List<String> vulnerabilities, List<String> findings, List<String> services,
        List<String> environments, List<String> versions, @CheckForNull BuildReference introducedBy,
        @CheckForNull BuildReference fixedBy, Disclosure disclosure) {
    /** Nothing recorded. */
    public static final SecurityDetails NONE = new SecurityDetails(List.of(), List.of(), List.of(), List.of(),
            List.of(), null, null, Disclosure.UNKNOWN);

    private static final Pattern VULNERABILITY = Pattern.compile("[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]{1,100}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[^\\s,]{1,300}");

    /**
     * Validates every id and name.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public SecurityDetails {
        vulnerabilities = checked(vulnerabilities, VULNERABILITY, "vulnerability id", true);
        findings = checked(findings, FINGERPRINT, "finding fingerprint", false);
        services = checked(services, NAME, "service name", false);
        environments = checked(environments, NAME, "environment name", false);
        versions = checked(versions, VERSION, "version", false);
    }

    private static List<String> checked(List<String> values, Pattern pattern, String what, boolean upperCase) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String cleaned = Texts.line(value);
            if (cleaned == null) {
                continue;
            }
            if (!pattern.matcher(cleaned).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a valid " + what);
            }
            result.add(upperCase ? vulnerability(cleaned) : cleaned);
        }
        return List.copyOf(new ArrayList<>(result));
    }

    /** Writes CVE ids in upper case and GHSA ids as GitHub does ({@code GHSA-xxxx-xxxx-xxxx}). */
    private static String vulnerability(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ghsa-")) {
            return "GHSA-" + lower.substring(5);
        }
        return lower.startsWith("cve-") ? id.toUpperCase(Locale.ROOT) : id;
    }

    /**
     * Whether disclosure or notification (to users, a regulator, the public) was due, and what was done.
     *
     * @param due {@code true} if due, {@code false} if not, {@code null} if not decided yet
     * @param note what was disclosed, to whom and when, or why nothing was
     */
    public record Disclosure(@CheckForNull Boolean due, @CheckForNull String note) {
        /** Not decided. */
        public static final Disclosure UNKNOWN = new Disclosure(null, null);

        /** Cleans the note. */
        public Disclosure {
            note = Texts.line(note);
        }
    }
}
