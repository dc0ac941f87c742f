package io.jenkins.plugins.securitycatalogue.store;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** The catalogue database could not be reached, migrated, read or written; the message says which and why. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, @CheckForNull Throwable cause) {
        super(message, cause);
    }
}
