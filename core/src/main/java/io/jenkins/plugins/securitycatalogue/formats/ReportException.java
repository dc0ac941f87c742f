package io.jenkins.plugins.securitycatalogue.formats;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * A report could not be read or understood. The message names the file, the format where it is known, the
 * position where it is known and the problem, and is meant to be shown to the person as it is.
 */
public class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;

    /** Creates an exception; {@code format} and {@code position} may be null when unknown. */
    public ReportException(String file, @CheckForNull String format, @CheckForNull String position, String problem,
            @CheckForNull Throwable cause) {
        super(compose(file, format, position, problem), cause);
        this.file = file;
    }

    /** Returns the name of the report file. */
    public String getFile() {
        return file;
    }

    private static String compose(String file, @CheckForNull String format, @CheckForNull String position,
            String problem) {
        var message = new StringBuilder(file);
        if (format != null) {
            message.append(" (").append(format).append(')');
        }
        if (position != null) {
            message.append(" at ").append(position);
        }
        return message.append(": ").append(problem).toString();
    }
}
