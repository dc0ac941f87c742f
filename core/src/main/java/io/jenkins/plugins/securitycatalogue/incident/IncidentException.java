package io.jenkins.plugins.securitycatalogue.incident;

/** A change to an incident was refused by a rule; the message says which rule and how to fix it. */
public class IncidentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public IncidentException(String message) {
        super(message);
    }
}
