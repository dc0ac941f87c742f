package io.jenkins.plugins.securitycatalogue.model;

import java.util.Locale;

/** What sort of security problem a finding is; the kind decides how its fingerprint is made. */
public enum FindingKind {
    /** A known vulnerability in a package: identified by an advisory id (CVE, GHSA, ...). */
    VULNERABILITY,
    /** A weakness in the code found by static analysis (SAST), identified by a rule. */
    WEAKNESS,
    /** A secret committed to the code or the image; its value is never stored. */
    SECRET,
    /** A misconfiguration of infrastructure as code, a container file or a cluster. */
    MISCONFIGURATION;

    /** Returns the lower-case name used in reports and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
