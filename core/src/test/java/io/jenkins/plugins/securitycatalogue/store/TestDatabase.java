package io.jenkins.plugins.securitycatalogue.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh, empty catalogue database for one test, on H2 or PostgreSQL. Stores opened from it are closed, and
 * the database deleted, when the test ends.
 */
public final class TestDatabase implements AutoCloseable {
    /** The databases every store test runs on. */
    public enum Kind {
        /** The embedded default. */
        H2("H2"),
        /** A real PostgreSQL server. */
        POSTGRESQL("PostgreSQL");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }
    }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable cleanUp;
    private final List<CatalogueStore> stores = new ArrayList<>();

    private TestDatabase(Kind kind, String url, String user, String password, Runnable cleanUp) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.cleanUp = cleanUp;
    }

    static TestDatabase h2() {
        try {
            Path directory = Files.createTempDirectory("catalogue-h2-");
            String url = "jdbc:h2:" + directory.resolve("catalogue") + ";LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE";
            return new TestDatabase(Kind.H2, url, "sa", "", () -> delete(directory));
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    static TestDatabase postgres(PostgresServer server, String database) {
        return new TestDatabase(Kind.POSTGRESQL, server.url(database), PostgresServer.WRITER,
                PostgresServer.WRITER_PASSWORD, () -> server.drop(database));
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens a catalogue store on this database (another one on each call, as another controller would). */
    public CatalogueStore open() throws StoreException {
        return track(CatalogueStore.open(url, user, password, 4));
    }

    /** Opens a store with a pool of the given size. */
    public CatalogueStore open(int poolSize) throws StoreException {
        return track(CatalogueStore.open(url, user, password, poolSize));
    }

    /** Opens a plain JDBC connection, for tests that build or inspect the database beside the store. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Builds the schema of an older version on the empty database, for migration tests. */
    public void migrateTo(int version) throws SQLException {
        try (Connection connection = connect()) {
            Migrations.migrate(connection, version);
        }
    }

    private synchronized CatalogueStore track(CatalogueStore store) {
        stores.add(store);
        return store;
    }

    @Override
    public synchronized void close() {
        stores.forEach(CatalogueStore::close);
        stores.clear();
        cleanUp.run();
    }

    @Override
    public String toString() {
        return kind.displayName();
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
