package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tests a migration path: builds a database at an old schema version with the migrations of that time, fills
 * it with a data script written for that schema, then lets the current code open it and checks that every row of
 * every old table is still there with the same values in its old columns. A new migration needs only a new data
 * script for the schema it starts from, and a line in {@code MigrationTest}; where a migration transforms data
 * on purpose, compare the {@link #snapshot() snapshots} with the expected change instead.
 */
public final class MigrationHarness {
    private final TestDatabase database;
    private final Map<String, List<Map<String, String>>> before;

    private MigrationHarness(TestDatabase database, Map<String, List<Map<String, String>>> before) {
        this.database = database;
        this.before = before;
    }

    /** Builds the database at a schema version and loads a data script from the classpath of this package. */
    public static MigrationHarness at(TestDatabase database, int version, String dataScript)
            throws SQLException, IOException {
        database.migrateTo(version);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(Migrations.migrate(connection, version)).isEqualTo(version);
            for (String sql : Migrations.statements(resource(dataScript))) {
                statement.execute(sql);
            }
            restartIdentities(database.kind(), connection);
            return new MigrationHarness(database, snapshot(connection));
        }
    }

    /** Returns the rows as they were before the current code opened the database, by table. */
    public Map<String, List<Map<String, String>>> snapshot() {
        return before;
    }

    /** Opens the database with the current code, checks every old row is intact, and returns the store. */
    public CatalogueStore openWithCurrentCode() throws StoreException, SQLException {
        CatalogueStore store = database.open();
        assertThat(store.schemaVersion()).isEqualTo(Migrations.latest());
        Map<String, List<Map<String, String>>> after;
        try (Connection connection = database.connect()) {
            after = snapshot(connection);
        }
        for (var table : before.entrySet()) {
            assertThat(after).as("tables after the migration").containsKey(table.getKey());
            List<Map<String, String>> kept = after.get(table.getKey()).stream()
                    .map(row -> project(row, table.getValue().isEmpty() ? row : table.getValue().get(0)))
                    .toList();
            assertThat(kept).as("rows of %s in their old columns", table.getKey())
                    .containsExactlyInAnyOrderElementsOf(table.getValue());
        }
        return store;
    }

    private static Map<String, String> project(Map<String, String> row, Map<String, String> oldColumns) {
        Map<String, String> projected = new TreeMap<>();
        oldColumns.keySet().forEach(column -> projected.put(column, row.get(column)));
        return projected;
    }

    private static Map<String, List<Map<String, String>>> snapshot(Connection connection) throws SQLException {
        Map<String, List<Map<String, String>>> tables = new TreeMap<>();
        for (String table : tables(connection)) {
            if (!"catalogue_schema".equals(table)) {
                tables.put(table, rows(connection, table));
            }
        }
        return tables;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<Map<String, String>> rows(Connection connection, String table) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.put(columns.getColumnLabel(column).toLowerCase(Locale.ROOT), value(result, column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Normalises values so that H2 and PostgreSQL, and two schema versions, compare equal. */
    private static String value(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp || value instanceof java.time.temporal.TemporalAccessor) {
            Timestamp timestamp = result.getTimestamp(column);
            return timestamp.toInstant().toString();
        }
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void restartIdentities(TestDatabase.Kind kind, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("service", "recording", "deployment", "scan", "finding")) {
                long next;
                try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                    max.next();
                    next = max.getLong(1);
                }
                statement.execute(kind == TestDatabase.Kind.POSTGRESQL
                        ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                        : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MigrationHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Data script " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
