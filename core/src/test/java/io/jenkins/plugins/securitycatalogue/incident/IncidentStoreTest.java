package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents in the embedded H2 catalogue: ids, revisions and conflicts, lifecycle, lists and overdue items. */
class IncidentStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path directory;

    private CatalogueStore catalogue;
    private IncidentStore store;

    @BeforeEach
    void open() throws Exception {
        catalogue = CatalogueStore.openDirectory(directory);
        store = new IncidentStore(catalogue);
    }

    @AfterEach
    void close() {
        catalogue.close();
    }

    @Test
    void shouldAllocateIdsPerYearOfTheStart() throws Exception {
        Incident first = store.create(Examples.read("2018-gentoo").postMortem(), "alice", NOW);
        Incident second = store.create(Examples.read("2018-github").postMortem(), "alice", NOW);
        Incident other = store.create(Examples.read("2017-parity").postMortem(), "alice", NOW);
        Incident unknown = store.create(PostMortem.builder("Not started yet", IncidentSeverity.SEV4).build(),
                "alice", NOW);

        assertThat(List.of(first, second, other, unknown)).extracting(incident -> incident.id().toString())
                .containsExactly("INC-2018-001", "INC-2018-002", "INC-2017-001", "INC-2026-001");
        assertThat(first.status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(first.revision()).isEqualTo(1);
    }

    @Test
    void shouldStoreEveryPartOfAPostMortem() throws Exception {
        for (Path file : Examples.files()) {
            PostMortem postMortem = Examples.read(file).postMortem();

            Incident stored = store.create(postMortem, "alice", NOW);

            assertThat(store.find(stored.id()).orElseThrow().postMortem()).isEqualTo(postMortem);
        }
    }

    @Test
    void shouldRefuseAStaleSaveSayingWhoChangedItAndWhen() throws Exception {
        Incident created = store.create(Examples.read("2018-homebrew").postMortem(), "alice", NOW);
        PostMortem byBob = created.postMortem().toBuilder().summary("Bob's summary").build();
        PostMortem byCarol = created.postMortem().toBuilder().summary("Carol's summary").build();

        Incident saved = store.save(created.id(), 1, byBob, "bob", NOW.plusSeconds(60));

        assertThat(saved.revision()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(created.id(), 1, byCarol, "carol", NOW.plusSeconds(120)))
                .isInstanceOf(EditConflictException.class)
                .hasMessage("INC-2018-001 was changed by bob at 2026-03-01 12:01 UTC (revision 2) after you loaded "
                        + "revision 1; nothing was saved. Reload it, apply your changes again and save with "
                        + "revision 2");
        assertThat(store.find(created.id()).orElseThrow().postMortem().summary()).isEqualTo("Bob's summary");
    }

    @Test
    void shouldLetOnlyOneOfManyConcurrentEditorsWin() throws Exception {
        Incident created = store.create(Examples.read("2016-shapeshift").postMortem(), "alice", NOW);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Incident>> saves = new ArrayList<>();
        for (int editor = 0; editor < 6; editor++) {
            String name = "editor-" + editor;
            PostMortem edit = created.postMortem().toBuilder().lessons("Lesson of " + name).build();
            saves.add(pool.submit((Callable<Incident>) () -> store.save(created.id(), 1, edit, name, NOW)));
        }
        int won = 0;
        int conflicts = 0;
        for (Future<Incident> save : saves) {
            try {
                save.get();
                won++;
            }
            catch (java.util.concurrent.ExecutionException exception) {
                assertThat(exception.getCause()).isInstanceOf(EditConflictException.class);
                conflicts++;
            }
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(conflicts).isEqualTo(5);
        assertThat(store.find(created.id()).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void shouldAllocateDistinctIdsUnderConcurrentCreation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Incident>> creates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            PostMortem postMortem = PostMortem.builder("Incident " + i, IncidentSeverity.SEV3).build();
            creates.add(pool.submit(() -> store.create(postMortem, "alice", NOW)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Incident> create : creates) {
            ids.add(create.get().id().toString());
        }
        pool.shutdown();

        assertThat(ids).doesNotHaveDuplicates().hasSize(16).contains("INC-2026-001", "INC-2026-016");
    }

    @Test
    void shouldPublishOnlyThroughReviewAndOnlyWhenComplete() throws Exception {
        Incident complete = store.create(Examples.read("2018-github").postMortem(), "alice", NOW);
        Incident thin = store.create(PostMortem.builder("Thin", IncidentSeverity.SEV3).summary("Short.").build(),
                "alice", NOW);

        assertThatThrownBy(() -> store.changeStatus(complete.id(), 1, IncidentStatus.PUBLISHED, "bob", NOW))
                .isInstanceOf(IncidentException.class).hasMessageContaining("is draft; it cannot move to published");
        store.changeStatus(thin.id(), 1, IncidentStatus.IN_REVIEW, "bob", NOW);
        assertThatThrownBy(() -> store.changeStatus(thin.id(), 2, IncidentStatus.PUBLISHED, "bob", NOW))
                .hasMessage("INC-2026-001 cannot be published; it is missing: impact, timeline, detection, "
                        + "response and recovery, root causes, action items, lessons learned, time started, "
                        + "time detected, time resolved");
        store.changeStatus(complete.id(), 1, IncidentStatus.IN_REVIEW, "bob", NOW);
        Incident published = store.changeStatus(complete.id(), 2, IncidentStatus.PUBLISHED, "carol", NOW);

        assertThat(published.status()).isEqualTo(IncidentStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(published.updatedBy()).isEqualTo("carol");
        assertThatThrownBy(() -> store.save(complete.id(), 3,
                published.postMortem().toBuilder().lessons(null).build(), "dave", NOW))
                .hasMessageContaining("missing: lessons learned");
    }

    @Test
    void shouldFilterIncidentsAndListOverdueActionsPerTeam() throws Exception {
        for (Path file : Examples.files()) {
            store.create(Examples.read(file).postMortem(), "alice", NOW);
        }

        assertThat(store.list(IncidentFilter.ALL)).hasSize(5).first()
                .satisfies(incident -> assertThat(incident.id()).hasToString("INC-2018-003"));
        assertThat(store.list(new IncidentFilter(null, IncidentSeverity.SEV1, null, null, null))).hasSize(2);
        assertThat(store.list(new IncidentFilter(null, null, "homebrew-core", null, null))).singleElement()
                .satisfies(incident -> assertThat(incident.title()).contains("Homebrew"));
        assertThat(store.list(new IncidentFilter(null, null, null, "infrastructure", 2018))).hasSize(1);
        assertThat(store.list(IncidentFilter.PUBLISHED)).isEmpty();
        var overdue = store.overdueByOwner(LocalDate.parse("2018-10-01"));
        assertThat(overdue).containsOnlyKeys("ci-maintainers", "communications", "infrastructure",
                "network-engineering", "wallet-team");
        assertThat(overdue.get("infrastructure")).extracting(OverdueAction::daysOverdue).containsExactly(31L, 1L);
    }
}
