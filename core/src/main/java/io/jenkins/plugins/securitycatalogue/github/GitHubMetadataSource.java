package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.recording.MetadataField;
import io.jenkins.plugins.securitycatalogue.recording.MetadataSource;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryFacts;
import io.jenkins.plugins.securitycatalogue.recording.RepositoryMetadataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;

/**
 * Reads a service's repository on GitHub: description, topics, default branch, archived flag, visibility, primary
 * language, latest release and the owner of the whole tree in CODEOWNERS. Each part that cannot be read is said in
 * the log and left out; nothing here throws. The credentials are only ever sent to the configured API: a repository
 * on another host is not read.
 */
public final class GitHubMetadataSource implements RepositoryMetadataSource {
    private static final int MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

    private final GitHubConnection connection;
    private final Clock clock;

    /** Creates the source over a connection. */
    public GitHubMetadataSource(GitHubConnection connection) {
        this(connection, Clock.systemUTC());
    }

    GitHubMetadataSource(GitHubConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public Optional<RepositoryFacts> read(String repository, ReportLog log) {
        Optional<RepositoryCoordinates> parsed = RepositoryCoordinates.parse(repository);
        if (parsed.isEmpty()) {
            log.info("GitHub: '%s' is not a GitHub repository address; its metadata was not read", repository);
            return Optional.empty();
        }
        RepositoryCoordinates coordinates = parsed.get();
        if (!connection.serves(coordinates.host())) {
            log.warning("GitHub: %s is not on the configured GitHub API %s; its metadata was not read",
                    coordinates, connection.settings().apiUrl());
            return Optional.empty();
        }
        try {
            GHRepository repo = connection.call("the repository " + coordinates.fullName(),
                    github -> github.getRepository(coordinates.fullName()));
            return Optional.of(readAll(repo, coordinates, log));
        }
        catch (GitHubException exception) {
            log.warning("GitHub: could not read the repository's metadata: %s", exception.getMessage());
            return Optional.empty();
        }
    }

    private RepositoryFacts readAll(GHRepository repo, RepositoryCoordinates coordinates, ReportLog log) {
        RepositoryFacts facts = RepositoryFacts.readAt(clock.instant())
                .with(MetadataField.DESCRIPTION, repo.getDescription(), MetadataSource.GITHUB)
                .with(MetadataField.DEFAULT_BRANCH, repo.getDefaultBranch(), MetadataSource.GITHUB)
                .with(MetadataField.ARCHIVED, Boolean.toString(repo.isArchived()), MetadataSource.GITHUB)
                .with(MetadataField.VISIBILITY, visibility(repo), MetadataSource.GITHUB)
                .with(MetadataField.LANGUAGE, repo.getLanguage(), MetadataSource.GITHUB);
        facts = withTopics(facts, repo, log);
        facts = withLatestRelease(facts, repo, log);
        facts = withCodeOwner(facts, repo, log);
        log.info("GitHub: read the metadata of %s", coordinates.fullName());
        return facts;
    }

    @CheckForNull
    private static String visibility(GHRepository repo) {
        GHRepository.Visibility visibility = repo.getVisibility();
        if (visibility == null || visibility == GHRepository.Visibility.UNKNOWN) {
            return repo.isPrivate() ? "private" : "public";
        }
        return visibility.name().toLowerCase(Locale.ROOT);
    }

    private RepositoryFacts withTopics(RepositoryFacts facts, GHRepository repo, ReportLog log) {
        try {
            List<String> topics = connection.call("the repository's topics", github -> repo.listTopics());
            return facts.with(MetadataField.TOPICS, String.join(",", topics), MetadataSource.GITHUB);
        }
        catch (GitHubException exception) {
            log.warning("GitHub: could not read the topics: %s", exception.getMessage());
            return facts;
        }
    }

    private RepositoryFacts withLatestRelease(RepositoryFacts facts, GHRepository repo, ReportLog log) {
        try {
            GHRelease release = connection.call("the latest release", github -> repo.getLatestRelease());
            return facts.with(MetadataField.LATEST_RELEASE, release == null ? null : release.getTagName(),
                    MetadataSource.GITHUB);
        }
        catch (GitHubException exception) {
            log.warning("GitHub: could not read the latest release: %s", exception.getMessage());
            return facts;
        }
    }

    private RepositoryFacts withCodeOwner(RepositoryFacts facts, GHRepository repo, ReportLog log) {
        for (String location : CodeOwners.LOCATIONS) {
            try {
                String content = connection.call(location, github -> read(repo.getFileContent(location)));
                Optional<String> owner = CodeOwners.wholeTreeOwner(content);
                if (owner.isEmpty()) {
                    log.info("GitHub: %s names no owner of the whole tree", location);
                }
                return facts.with(MetadataField.TEAM, owner.orElse(null), MetadataSource.CODEOWNERS);
            }
            catch (GitHubException exception) {
                if (exception.kind() != GitHubException.Kind.NOT_FOUND) {
                    log.warning("GitHub: could not read %s: %s", location, exception.getMessage());
                    return facts;
                }
            }
        }
        log.info("GitHub: the repository has no CODEOWNERS file");
        return facts;
    }

    private static String read(GHContent content) throws IOException {
        if (!content.isFile() || content.getSize() > MAX_CODEOWNERS_BYTES) {
            return "";
        }
        try (InputStream in = content.read()) {
            return new String(in.readNBytes(MAX_CODEOWNERS_BYTES), StandardCharsets.UTF_8);
        }
    }
}
