package io.jenkins.plugins.securitycatalogue.recording;

import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import java.util.Optional;

/**
 * Reads what a service's repository says about it (description, topics, owners, ...), so that recording can fill
 * what the pipeline did not give. The recorder depends on this interface only, not on any hosting service.
 */
@FunctionalInterface
public interface RepositoryMetadataSource {
    /**
     * Reads the repository. Must not throw: a repository that cannot be read, wholly or in part, is reported in the
     * log and what could be read is returned, so that recording never fails because the source is unavailable.
     *
     * @param repository the repository as the catalogue knows it (a URL or a git address)
     * @param log where to say what could not be read
     * @return what was read, or empty if nothing was
     */
    Optional<RepositoryFacts> read(String repository, ReportLog log);
}
