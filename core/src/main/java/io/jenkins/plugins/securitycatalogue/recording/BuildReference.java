package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;

/**
 * The CI build that made a recording: a Jenkins job's full name and build number, or another CI's equivalent.
 *
 * @param job the job's full name
 * @param number the build number, or {@code null}
 * @param url the build's http or https URL, or {@code null}
 */
public record BuildReference(String job, @CheckForNull Long number, @CheckForNull String url) {
    /**
     * Validates the reference.
     *
     * @throws IllegalArgumentException if the job is blank or the URL is not http or https
     */
    public BuildReference {
        String cleanedJob = Texts.line(job);
        if (cleanedJob == null) {
            throw new IllegalArgumentException("A build reference needs a job name");
        }
        job = cleanedJob;
        if (url != null) {
            String given = url;
            url = Texts.httpUrl(url).orElseThrow(() -> new IllegalArgumentException(
                    "Build URL must be an absolute http or https URL, got '" + Texts.line(given) + "'"));
        }
    }
}
