package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.ParsedReport;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One recording: a service's metadata, the version built and scanned, where it was deployed if it was, the build
 * that did it, and the reports already read.
 *
 * @param service what is said about the service
 * @param version the artifact version (a release number or commit id)
 * @param environment the environment this build deployed the version to, or {@code null}
 * @param build the build that recorded, or {@code null}
 * @param reports the reports read, perhaps none (a deployment only)
 * @param at when it happened
 */
public record RecordingRequest(ServiceMetadata service, String version, @CheckForNull String environment,
        @CheckForNull BuildReference build, List<ParsedReport> reports, Instant at) {
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The version recorded when none is given. */
    public static final String UNVERSIONED = "unversioned";

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public RecordingRequest {
        String cleanedVersion = Texts.line(version);
        version = cleanedVersion == null ? UNVERSIONED : cleanedVersion;
        if (version.length() > 300) {
            throw new IllegalArgumentException("Version is longer than 300 characters");
        }
        if (environment != null && environment.isBlank()) {
            environment = null;
        }
        if (environment != null && !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("Environment '" + Texts.line(environment) + "' is not valid: use up to 100 "
                    + "letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        reports = List.copyOf(reports);
    }
}
