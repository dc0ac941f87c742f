package io.jenkins.plugins.securitycatalogue.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceDetails;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filling a service's metadata from its repository: the pipeline wins, sources and read times are kept. */
class RepositoryMetadataTest {
    private static final Instant READ = Instant.parse("2026-12-04T15:59:00Z");
    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
    private static final String REPOSITORY = "https://github.com/acme/shop";

    @TempDir
    Path directory;

    private CatalogueStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = CatalogueStore.openDirectory(directory);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldFillWhatThePipelineDidNotGiveAndKeepWhereEachValueCameFrom() throws Exception {
        record((repository, log) -> Optional.of(facts(false)), "payments", null, REPOSITORY);

        ServiceDetails details = details();

        assertThat(details.summary().team()).isEqualTo("payments");
        assertThat(details.description()).isEqualTo("The shop's checkout");
        assertThat(details.repository().topics()).containsExactly("payments", "java");
        assertThat(details.repository().defaultBranch()).isEqualTo("main");
        assertThat(details.repository().visibility()).isEqualTo("internal");
        assertThat(details.repository().language()).isEqualTo("Java");
        assertThat(details.repository().latestRelease()).isNull();
        assertThat(details.repository().archived()).isFalse();
        assertThat(details.repository().sources()).extracting(source -> source.field() + "=" + source.source())
                .containsExactlyInAnyOrder("team=pipeline", "repository=pipeline", "description=github",
                        "topics=github", "default-branch=github", "archived=github", "visibility=github",
                        "language=github", "latest-release=github");
        assertThat(details.repository().sources()).filteredOn(source -> source.source().equals("github"))
                .allSatisfy(source -> assertThat(source.at()).isEqualTo(READ));
        assertThat(details.repository().sources()).filteredOn(source -> source.source().equals("pipeline"))
                .allSatisfy(source -> assertThat(source.at()).isEqualTo(NOW));
    }

    @Test
    void shouldTakeTheTeamFromCodeOwnersOnlyWhenNoPipelineEverGaveOne() throws Exception {
        record((repository, log) -> Optional.of(facts(false)), null, null, REPOSITORY);
        assertThat(details().summary().team()).isEqualTo("@acme/payments");

        record((repository, log) -> Optional.of(facts(false)), "checkout", "Given by the pipeline", null);
        record((repository, log) -> Optional.of(facts(false)), null, null, null);

        ServiceDetails details = details();
        assertThat(details.summary().team()).isEqualTo("checkout");
        assertThat(details.description()).isEqualTo("Given by the pipeline");
        assertThat(details.summary().repository()).isEqualTo(REPOSITORY);
        assertThat(details.repository().sources()).extracting(source -> source.field() + "=" + source.source())
                .contains("team=pipeline", "description=pipeline");
    }

    @Test
    void shouldFlagArchivedRepositoriesInTheServicesTable() throws Exception {
        RecordingResult result = record((repository, log) -> Optional.of(facts(true)), "payments", null, REPOSITORY);

        assertThat(new CatalogueQueries(store, CataloguePolicy.defaults()).services(ServiceFilter.ALL))
                .singleElement().satisfies(summary -> assertThat(summary.archived()).isTrue());
        assertThat(result.log().messages()).extracting(ReportLog.Message::toString)
                .contains("warning: The repository is archived on GitHub; the service is flagged as archived");
    }

    @Test
    void shouldRecordWhatItHasWhenTheRepositoryCannotBeRead() throws Exception {
        RecordingResult failing = record((repository, log) -> {
            throw new IllegalStateException("boom");
        }, "payments", null, REPOSITORY);
        RecordingResult unavailable = record((repository, log) -> {
            log.warning("GitHub: could not read the repository's metadata: Cannot reach GitHub");
            return Optional.empty();
        }, "payments", null, REPOSITORY);

        assertThat(failing.log().messages()).extracting(ReportLog.Message::toString).contains(
                "warning: The repository's metadata could not be read (IllegalStateException); recorded what the "
                        + "pipeline gave");
        assertThat(unavailable.log().messages()).extracting(ReportLog.Message::toString)
                .contains("warning: GitHub: could not read the repository's metadata: Cannot reach GitHub");
        assertThat(details().summary().team()).isEqualTo("payments");
        assertThat(details().repository().sources()).extracting(ServiceDetails.Provenance::source)
                .containsOnly("pipeline");
    }

    @Test
    void shouldReadTheStoredRepositoryWhenThePipelineGivesNone() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        record((repository, log) -> Optional.empty(), "payments", null, REPOSITORY);

        record((repository, log) -> {
            asked.add(repository);
            return Optional.empty();
        }, null, null, null);

        assertThat(asked).containsExactly(REPOSITORY);
    }

    private RecordingResult record(RepositoryMetadataSource source, String team, String description,
            String repository) throws Exception {
        return new Recorder(store, CataloguePolicy.defaults(), source).record(new RecordingRequest(
                new ServiceMetadata("shop", team, description, repository, null, Map.of()), "1.0", null, null,
                List.of(), NOW));
    }

    private ServiceDetails details() throws Exception {
        return new CatalogueQueries(store, CataloguePolicy.defaults()).service("shop").orElseThrow();
    }

    private static RepositoryFacts facts(boolean archived) {
        return RepositoryFacts.readAt(READ)
                .with(MetadataField.DESCRIPTION, "The shop's checkout", MetadataSource.GITHUB)
                .with(MetadataField.TOPICS, "payments,java", MetadataSource.GITHUB)
                .with(MetadataField.DEFAULT_BRANCH, "main", MetadataSource.GITHUB)
                .with(MetadataField.ARCHIVED, Boolean.toString(archived), MetadataSource.GITHUB)
                .with(MetadataField.VISIBILITY, "internal", MetadataSource.GITHUB)
                .with(MetadataField.LANGUAGE, "Java", MetadataSource.GITHUB)
                .with(MetadataField.LATEST_RELEASE, null, MetadataSource.GITHUB)
                .with(MetadataField.TEAM, "@acme/payments", MetadataSource.CODEOWNERS);
    }
}
