package io.jenkins.plugins.securitycatalogue.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One normalised security problem reported by one tool. Instances are made by {@link FindingBuilder},
 * which cleans the texts, redacts secrets and computes the {@link #fingerprint()}.
 *
 * @param tool the tool that reported it, for example {@code Trivy} or {@code CodeQL}
 * @param kind what sort of problem it is
 * @param id the primary identifier: an advisory id for a vulnerability, else the rule id
 * @param aliases other identifiers of the same problem (GHSA for a CVE, and so on), without {@code id}
 * @param title a one-line summary
 * @param description a longer text, bounded in length; may be empty
 * @param severity the severity on the catalogue's scale
 * @param cvssScore the CVSS base score where the tool gives one
 * @param cvssVector the CVSS vector where the tool gives one
 * @param cwes CWE ids such as {@code CWE-79}
 * @param packageName the affected package, for vulnerabilities
 * @param purl the package URL where the tool gives one
 * @param installedVersion the version that was scanned
 * @param fixedVersion the first version that fixes it; {@code null} if no fix is known
 * @param target what was scanned: an image, a lock file, a directory
 * @param path the file the problem is in, relative where possible
 * @param line the first line of the problem, or 0 if unknown
 * @param url a link to the advisory or the rule's help, always http or https
 * @param suppression why the tool reported it as suppressed (VEX not affected, an inline suppression);
 *     {@code null} for an active finding
 * @param secretMask a masked form of a secret's value, for secrets only
 * @param fingerprint the stable identity of the finding, see {@link Fingerprints}
 */
public record Finding(
        String tool,
        FindingKind kind,
        String id,
        List<String> aliases,
        String title,
        String description,
        Severity severity,
        @CheckForNull Double cvssScore,
        @CheckForNull String cvssVector,
        List<String> cwes,
        @CheckForNull String packageName,
        @CheckForNull String purl,
        @CheckForNull String installedVersion,
        @CheckForNull String fixedVersion,
        @CheckForNull String target,
        @CheckForNull String path,
        int line,
        @CheckForNull String url,
        @CheckForNull String suppression,
        @CheckForNull String secretMask,
        String fingerprint) implements Serializable {

    /** Validates the finding; the lists are copied so that the record stays immutable. */
    public Finding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(fingerprint, "fingerprint");
        aliases = List.copyOf(aliases);
        cwes = List.copyOf(cwes);
        if (tool.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("A finding needs a tool and an id, got tool '" + tool + "' and id '"
                    + id + "'");
        }
        if (line < 0) {
            throw new IllegalArgumentException("Line must be 0 (unknown) or positive: " + line);
        }
    }

    /** Returns whether the tool reported this finding as suppressed; suppressed findings are not counted as open. */
    public boolean isSuppressed() {
        return suppression != null;
    }

    /** Returns whether a fixed version is known. */
    public boolean isFixable() {
        return fixedVersion != null && !fixedVersion.isBlank();
    }
}
