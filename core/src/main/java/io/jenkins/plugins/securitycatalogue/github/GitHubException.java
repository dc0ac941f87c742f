package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * A call to GitHub failed. The message says what was being read, what went wrong and what to do about it; it never
 * contains a token.
 */
public final class GitHubException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that callers can react without parsing the message. */
    public enum Kind {
        /** 401: the credentials are missing, wrong, expired or revoked. */
        UNAUTHORIZED,
        /** 403: the credentials lack a permission, or a policy blocks the call. */
        FORBIDDEN,
        /** 404: no such repository or resource, or one the credentials cannot see. */
        NOT_FOUND,
        /** The rate limit is used up and does not reset soon enough to wait. */
        RATE_LIMITED,
        /** GitHub could not be reached, or did not answer in time. */
        NETWORK,
        /** Any other answer that was not understood. */
        UNEXPECTED
    }

    private final Kind kind;
    private final int status;

    /** Creates the exception. */
    public GitHubException(Kind kind, int status, String message, @CheckForNull Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    /** Creates the exception without a cause. */
    public GitHubException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    /** Returns what went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Returns the HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
