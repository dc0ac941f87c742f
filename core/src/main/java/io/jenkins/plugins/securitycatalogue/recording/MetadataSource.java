package io.jenkins.plugins.securitycatalogue.recording;

import java.util.Locale;

/** Where a value of a service's metadata came from. What the pipeline gives always wins over what is read. */
public enum MetadataSource {
    /** Given by the pipeline step or the command line. */
    PIPELINE,
    /** Read from the repository on GitHub. */
    GITHUB,
    /** Read from the repository's CODEOWNERS file (the owner of the whole tree). */
    CODEOWNERS;

    /** Returns the lower-case name used in output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
