package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incidents in the catalogue database. Ids are allocated per year in the same transaction that creates the
 * incident; every change names the revision it was based on and is refused if the incident changed since
 * (optimistic concurrency), so that no edit is lost silently.
 */
public final class IncidentStore {
    private final CatalogueStore store;

    /** Creates the store of incidents in the catalogue. */
    public IncidentStore(CatalogueStore store) {
        this.store = store;
    }

    /**
     * Creates a draft incident with the next id of the year it started (or of {@code now} if not known yet).
     *
     * @throws StoreException if the database refuses the change
     */
    public Incident create(PostMortem postMortem, String author, Instant now) throws StoreException {
        Instant started = postMortem.times().started();
        int year = (started == null ? now : started).atZone(ZoneOffset.UTC).getYear();
        return store.inTransaction(connection -> {
            int number = nextNumber(connection, year);
            long rowId = insert(connection, year, number, postMortem, author, now);
            IncidentRows.writeChildren(connection, rowId, postMortem);
            return load(connection, new IncidentId(year, number)).orElseThrow();
        });
    }

    /**
     * Returns the incident with the id.
     *
     * @throws StoreException if the database cannot be read
     */
    public Optional<Incident> find(IncidentId id) throws StoreException {
        return store.read(connection -> load(connection, id));
    }

    /**
     * Saves an edited post-mortem, keeping the status.
     *
     * @param id the incident
     * @param revision the revision the edit is based on
     * @param postMortem the edited post-mortem
     * @param editor who saves it
     * @param now when
     * @throws EditConflictException if the incident changed since that revision
     * @throws IncidentException if the incident does not exist, or is published and the edit removes a required
     *         section
     * @throws StoreException if the database refuses the change
     */
    public Incident save(IncidentId id, int revision, PostMortem postMortem, String editor, Instant now)
            throws IncidentException, StoreException {
        return change(id, revision, editor, now, current -> {
            if (current.status() == IncidentStatus.PUBLISHED) {
                requireComplete(id, postMortem);
            }
            return postMortem;
        }, null);
    }

    /**
     * Moves the post-mortem to another status of its lifecycle.
     *
     * @param revision the revision the change is based on, or {@code null} to change whatever is stored
     * @throws IncidentException if the lifecycle does not allow it, or sections required to publish are missing
     *         (the message lists them), or the incident changed since the revision
     * @throws StoreException if the database refuses the change
     */
    public Incident changeStatus(IncidentId id, @CheckForNull Integer revision, IncidentStatus status, String editor,
            Instant now) throws IncidentException, StoreException {
        return change(id, revision, editor, now, current -> {
            if (!current.status().canMoveTo(status)) {
                throw new IncidentException(id + " is " + current.status().label() + "; it cannot move to "
                        + status.label() + " (lifecycle: draft -> in review -> published)");
            }
            if (status == IncidentStatus.PUBLISHED) {
                requireComplete(id, current.postMortem());
            }
            return current.postMortem();
        }, status);
    }

    /**
     * Lists incidents, newest id first.
     *
     * @throws StoreException if the database cannot be read
     */
    public List<Incident> list(IncidentFilter filter) throws StoreException {
        return store.read(connection -> {
            List<Incident> incidents = new ArrayList<>();
            try (PreparedStatement select = IncidentQueries.select(connection, filter);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    incidents.add(IncidentRows.read(connection, row));
                }
            }
            return incidents;
        });
    }

    /**
     * Returns the action items past their due date and not done, by owner (team or person), most overdue first.
     *
     * @throws StoreException if the database cannot be read
     */
    public Map<String, List<OverdueAction>> overdueByOwner(LocalDate today) throws StoreException {
        Map<String, List<OverdueAction>> byOwner = new TreeMap<>();
        for (OverdueAction overdue : store.read(connection -> IncidentQueries.overdue(connection, today))) {
            byOwner.computeIfAbsent(overdue.owner(), owner -> new ArrayList<>()).add(overdue);
        }
        byOwner.replaceAll((owner, items) -> Collections.unmodifiableList(items));
        return Collections.unmodifiableMap(byOwner);
    }

    private Incident change(IncidentId id, @CheckForNull Integer revision, String editor, Instant now,
            Edit edit, @CheckForNull IncidentStatus status) throws IncidentException, StoreException {
        try {
            return store.inTransaction(connection -> {
                Incident current = lock(connection, id);
                if (revision != null && current.revision() != revision) {
                    throw new Refused(new EditConflictException(id, revision, current.revision(),
                            current.updatedBy(), current.updatedAt()));
                }
                PostMortem changed = apply(edit, current);
                long rowId = update(connection, current, changed, status, editor, now);
                IncidentRows.writeChildren(connection, rowId, changed);
                return load(connection, id).orElseThrow();
            });
        }
        catch (Refused refused) {
            throw refused.reason;
        }
    }

    private static PostMortem apply(Edit edit, Incident current) {
        try {
            return edit.apply(current);
        }
        catch (IncidentException exception) {
            throw new Refused(exception);
        }
    }

    private static void requireComplete(IncidentId id, PostMortem postMortem) throws IncidentException {
        List<String> missing = PublicationRules.missing(postMortem);
        if (!missing.isEmpty()) {
            throw new IncidentException(id + " cannot be published; it is missing: " + String.join(", ", missing));
        }
    }

    private static int nextNumber(Connection connection, int year) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_number FROM incident_sequence WHERE incident_year = ? FOR UPDATE")) {
            select.setInt(1, year);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    int next = row.getInt(1) + 1;
                    updateSequence(connection, year, next);
                    return next;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO incident_sequence (incident_year, last_number) VALUES (?, 1)")) {
            insert.setInt(1, year);
            insert.executeUpdate();
            return 1;
        }
    }

    private static void updateSequence(Connection connection, int year, int number) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE incident_sequence SET last_number = ? WHERE incident_year = ?")) {
            update.setInt(1, number);
            update.setInt(2, year);
            update.executeUpdate();
        }
    }

    private static long insert(Connection connection, int year, int number, PostMortem postMortem, String author,
            Instant now) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(IncidentRows.POST_MORTEM_COLUMN_COUNT, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident (incident_year, "
                + "incident_number, revision, status, created_by, created_at, updated_by, updated_at, "
                + IncidentRows.POST_MORTEM_COLUMNS + ") VALUES (?, ?, 1, ?, ?, ?, ?, ?, " + placeholders + ")",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, year);
            insert.setInt(2, number);
            insert.setString(3, IncidentStatus.DRAFT.name());
            insert.setString(4, author(author));
            IncidentRows.setTime(insert, 5, now);
            insert.setString(6, author(author));
            IncidentRows.setTime(insert, 7, now);
            IncidentRows.bindPostMortem(insert, 8, postMortem);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long update(Connection connection, Incident current, PostMortem postMortem,
            @CheckForNull IncidentStatus status, String editor, Instant now) throws SQLException {
        IncidentStatus next = status == null ? current.status() : status;
        String assignments = IncidentRows.POST_MORTEM_COLUMNS.replace(",", " = ?,") + " = ?";
        try (PreparedStatement update = connection.prepareStatement("UPDATE incident SET " + assignments
                + ", revision = ?, status = ?, updated_by = ?, updated_at = ?, published_at = ? "
                + "WHERE incident_year = ? AND incident_number = ? AND revision = ?")) {
            int index = IncidentRows.bindPostMortem(update, 1, postMortem);
            update.setInt(index++, current.revision() + 1);
            update.setString(index++, next.name());
            update.setString(index++, author(editor));
            IncidentRows.setTime(update, index++, now);
            IncidentRows.setTime(update, index++, publishedAt(current, next, now));
            update.setInt(index++, current.id().year());
            update.setInt(index++, current.id().number());
            update.setInt(index, current.revision());
            if (update.executeUpdate() != 1) {
                throw new SQLException("The incident changed while it was locked", "40001");
            }
        }
        return rowId(connection, current.id());
    }

    @CheckForNull
    private static Instant publishedAt(Incident current, IncidentStatus next, Instant now) {
        if (current.publishedAt() != null || next != IncidentStatus.PUBLISHED) {
            return current.publishedAt();
        }
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    private static String author(String name) {
        String cleaned = Texts.line(name);
        if (cleaned == null) {
            return "unknown";
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }

    private static Incident lock(Connection connection, IncidentId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM incident "
                + "WHERE incident_year = ? AND incident_number = ? FOR UPDATE")) {
            select.setInt(1, id.year());
            select.setInt(2, id.number());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new Refused(new IncidentException("There is no incident " + id));
                }
            }
        }
        return load(connection, id).orElseThrow();
    }

    private static long rowId(Connection connection, IncidentId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM incident WHERE incident_year = ? AND incident_number = ?")) {
            select.setInt(1, id.year());
            select.setInt(2, id.number());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Optional<Incident> load(Connection connection, IncidentId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM incident WHERE incident_year = ? AND incident_number = ?")) {
            select.setInt(1, id.year());
            select.setInt(2, id.number());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(IncidentRows.read(connection, row)) : Optional.empty();
            }
        }
    }

    /** A change to a loaded incident, which a rule may refuse. */
    @FunctionalInterface
    private interface Edit {
        PostMortem apply(Incident current) throws IncidentException;
    }

    /** Carries a refusal out of a transaction, which rolls it back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        private final IncidentException reason;

        Refused(IncidentException reason) {
            super(reason.getMessage(), reason, false, false);
            this.reason = reason;
        }
    }
}
