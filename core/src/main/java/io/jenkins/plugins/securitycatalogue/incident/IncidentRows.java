package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.recording.BuildReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps post-mortems to the incident tables and back. Only the store uses it. */
final class IncidentRows {
    /** The columns of a post-mortem's own row, in the order {@link #bindPostMortem} binds them. */
    static final String POST_MORTEM_COLUMNS = "title, severity, started_at, detected_at, mitigated_at, resolved_at, "
            + "summary, impact_description, users_affected, systems_affected, data_exposed, impact_seconds, "
            + "detection, response, root_causes, trigger_text, went_well, went_badly, got_lucky, lessons, "
            + "introduced_job, introduced_number, introduced_url, fixed_job, fixed_number, fixed_url, "
            + "disclosure_due, disclosure_note";

    /** The number of columns in {@link #POST_MORTEM_COLUMNS}. */
    static final int POST_MORTEM_COLUMN_COUNT = POST_MORTEM_COLUMNS.split(",").length;

    private static final String[] SUBJECT_KINDS = {"vulnerability", "finding", "service", "environment", "version"};

    private IncidentRows() {
    }

    /** Binds the post-mortem's own columns from the index on; returns the next free index. */
    static int bindPostMortem(PreparedStatement statement, int first, PostMortem postMortem) throws SQLException {
        int index = first;
        statement.setString(index++, postMortem.title());
        statement.setString(index++, postMortem.severity().name());
        IncidentTimes times = postMortem.times();
        for (Instant time : new Instant[] {times.started(), times.detected(), times.mitigated(), times.resolved()}) {
            setTime(statement, index++, time);
        }
        statement.setString(index++, postMortem.summary());
        index = bindImpact(statement, index, postMortem.impact());
        for (String text : new String[] {postMortem.detection(), postMortem.response(), postMortem.rootCauses(),
                postMortem.trigger(), postMortem.wentWell(), postMortem.wentBadly(), postMortem.gotLucky(),
                postMortem.lessons()}) {
            statement.setString(index++, text);
        }
        index = bindBuild(statement, index, postMortem.security().introducedBy());
        index = bindBuild(statement, index, postMortem.security().fixedBy());
        SecurityDetails.Disclosure disclosure = postMortem.security().disclosure();
        setBoolean(statement, index++, disclosure.due());
        statement.setString(index++, disclosure.note());
        return index;
    }

    private static int bindImpact(PreparedStatement statement, int first, Impact impact) throws SQLException {
        int index = first;
        statement.setString(index++, impact.description());
        setLong(statement, index++, impact.usersAffected());
        setLong(statement, index++, impact.systemsAffected() == null ? null : impact.systemsAffected().longValue());
        statement.setString(index++, impact.dataExposed());
        setLong(statement, index++, impact.duration() == null ? null : impact.duration().toSeconds());
        return index;
    }

    private static int bindBuild(PreparedStatement statement, int first, @CheckForNull BuildReference build)
            throws SQLException {
        statement.setString(first, build == null ? null : build.job());
        setLong(statement, first + 1, build == null ? null : build.number());
        statement.setString(first + 2, build == null ? null : build.url());
        return first + 3;
    }

    /** Replaces the timeline, action items, subjects and references of the incident row. */
    static void writeChildren(Connection connection, long rowId, PostMortem postMortem) throws SQLException {
        for (String table : new String[] {"incident_timeline", "incident_action", "incident_subject",
                "incident_reference"}) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE incident_id = ?")) {
                delete.setLong(1, rowId);
                delete.executeUpdate();
            }
        }
        writeTimeline(connection, rowId, postMortem.timeline());
        writeActions(connection, rowId, postMortem.actionItems());
        writeSubjects(connection, rowId, postMortem.security());
        writeReferences(connection, rowId, postMortem.references());
    }

    private static void writeTimeline(Connection connection, long rowId, List<TimelineEntry> timeline)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_timeline "
                + "(incident_id, entry_index, entry_at, entry_text) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < timeline.size(); i++) {
                insert.setLong(1, rowId);
                insert.setInt(2, i);
                setTime(insert, 3, timeline.get(i).at());
                insert.setString(4, timeline.get(i).text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeActions(Connection connection, long rowId, List<ActionItem> items) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_action (incident_id, "
                + "item_index, description, owner_name, action_type, priority, due_date, item_state, tracker_url) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                ActionItem item = items.get(i);
                insert.setLong(1, rowId);
                insert.setInt(2, i);
                insert.setString(3, item.description());
                insert.setString(4, item.owner());
                insert.setString(5, item.type().name());
                insert.setString(6, item.priority().name());
                if (item.due() == null) {
                    insert.setNull(7, Types.DATE);
                }
                else {
                    insert.setObject(7, item.due());
                }
                insert.setString(8, item.state().name());
                insert.setString(9, item.tracker());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeSubjects(Connection connection, long rowId, SecurityDetails security)
            throws SQLException {
        List<List<String>> lists = List.of(security.vulnerabilities(), security.findings(), security.services(),
                security.environments(), security.versions());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_subject "
                + "(incident_id, subject_kind, subject_index, subject) VALUES (?, ?, ?, ?)")) {
            for (int kind = 0; kind < SUBJECT_KINDS.length; kind++) {
                List<String> subjects = lists.get(kind);
                for (int i = 0; i < subjects.size(); i++) {
                    insert.setLong(1, rowId);
                    insert.setString(2, SUBJECT_KINDS[kind]);
                    insert.setInt(3, i);
                    insert.setString(4, subjects.get(i));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void writeReferences(Connection connection, long rowId, List<Reference> references)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_reference "
                + "(incident_id, reference_index, title, url) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < references.size(); i++) {
                insert.setLong(1, rowId);
                insert.setInt(2, i);
                insert.setString(3, references.get(i).title());
                insert.setString(4, references.get(i).url());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Reads the incident of the current row of a {@code SELECT *} on the incident table, with its children. */
    static Incident read(Connection connection, ResultSet row) throws SQLException {
        long rowId = row.getLong("id");
        PostMortem postMortem = PostMortem.builder(row.getString("title"),
                        IncidentSeverity.valueOf(row.getString("severity")))
                .times(new IncidentTimes(time(row, "started_at"), time(row, "detected_at"),
                        time(row, "mitigated_at"), time(row, "resolved_at")))
                .summary(row.getString("summary"))
                .impact(impact(row))
                .timeline(timeline(connection, rowId))
                .detection(row.getString("detection"))
                .response(row.getString("response"))
                .rootCauses(row.getString("root_causes"))
                .trigger(row.getString("trigger_text"))
                .wentWell(row.getString("went_well"))
                .wentBadly(row.getString("went_badly"))
                .gotLucky(row.getString("got_lucky"))
                .actionItems(actions(connection, rowId))
                .lessons(row.getString("lessons"))
                .references(references(connection, rowId))
                .security(security(connection, rowId, row))
                .build();
        return new Incident(new IncidentId(row.getInt("incident_year"), row.getInt("incident_number")),
                row.getInt("revision"), IncidentStatus.valueOf(row.getString("status")), row.getString("created_by"),
                time(row, "created_at"), row.getString("updated_by"), time(row, "updated_at"),
                time(row, "published_at"), postMortem);
    }

    private static Impact impact(ResultSet row) throws SQLException {
        Long seconds = nullableLong(row, "impact_seconds");
        Long systems = nullableLong(row, "systems_affected");
        return new Impact(row.getString("impact_description"), nullableLong(row, "users_affected"),
                systems == null ? null : systems.intValue(), row.getString("data_exposed"),
                seconds == null ? null : Duration.ofSeconds(seconds));
    }

    private static List<TimelineEntry> timeline(Connection connection, long rowId) throws SQLException {
        List<TimelineEntry> timeline = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_at, entry_text FROM "
                + "incident_timeline WHERE incident_id = ? ORDER BY entry_index")) {
            select.setLong(1, rowId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    timeline.add(new TimelineEntry(time(row, "entry_at"), row.getString("entry_text")));
                }
            }
        }
        return timeline;
    }

    private static List<ActionItem> actions(Connection connection, long rowId) throws SQLException {
        List<ActionItem> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM incident_action "
                + "WHERE incident_id = ? ORDER BY item_index")) {
            select.setLong(1, rowId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(action(row));
                }
            }
        }
        return items;
    }

    /** Reads the action item of the current row of a {@code SELECT *} on the action table. */
    static ActionItem action(ResultSet row) throws SQLException {
        return new ActionItem(row.getString("description"), row.getString("owner_name"),
                ActionItem.Type.valueOf(row.getString("action_type")),
                ActionItem.Priority.valueOf(row.getString("priority")), row.getObject("due_date", LocalDate.class),
                ActionItem.State.valueOf(row.getString("item_state")), row.getString("tracker_url"));
    }

    private static List<Reference> references(Connection connection, long rowId) throws SQLException {
        List<Reference> references = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT title, url FROM incident_reference "
                + "WHERE incident_id = ? ORDER BY reference_index")) {
            select.setLong(1, rowId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    references.add(new Reference(row.getString("title"), row.getString("url")));
                }
            }
        }
        return references;
    }

    private static SecurityDetails security(Connection connection, long rowId, ResultSet row) throws SQLException {
        Map<Integer, List<String>> subjects = subjects(connection, rowId);
        Boolean due = row.getBoolean("disclosure_due");
        if (row.wasNull()) {
            due = null;
        }
        return new SecurityDetails(subjects.get(0), subjects.get(1), subjects.get(2), subjects.get(3),
                subjects.get(4), build(row, "introduced"), build(row, "fixed"),
                new SecurityDetails.Disclosure(due, row.getString("disclosure_note")));
    }

    private static Map<Integer, List<String>> subjects(Connection connection, long rowId) throws SQLException {
        Map<Integer, List<String>> subjects = new HashMap<>();
        for (int kind = 0; kind < SUBJECT_KINDS.length; kind++) {
            subjects.put(kind, new ArrayList<>());
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT subject_kind, subject FROM "
                + "incident_subject WHERE incident_id = ? ORDER BY subject_kind, subject_index")) {
            select.setLong(1, rowId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    subjects.get(List.of(SUBJECT_KINDS).indexOf(row.getString(1))).add(row.getString(2));
                }
            }
        }
        return subjects;
    }

    @CheckForNull
    private static BuildReference build(ResultSet row, String prefix) throws SQLException {
        String job = row.getString(prefix + "_job");
        return job == null ? null
                : new BuildReference(job, nullableLong(row, prefix + "_number"), row.getString(prefix + "_url"));
    }

    /** Sets a time column, or NULL. */
    static void setTime(PreparedStatement statement, int index, @CheckForNull Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        else {
            statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    /** Reads a time column, or {@code null}. */
    @CheckForNull
    static Instant time(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static void setLong(PreparedStatement statement, int index, @CheckForNull Long value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        }
        else {
            statement.setLong(index, value);
        }
    }

    private static void setBoolean(PreparedStatement statement, int index, @CheckForNull Boolean value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        }
        else {
            statement.setBoolean(index, value);
        }
    }

    @CheckForNull
    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
