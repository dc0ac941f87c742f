package io.jenkins.plugins.securitycatalogue.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jenkins.plugins.securitycatalogue.model.SecretHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalogue database: a pool of JDBC connections to an embedded H2 database in one directory (the default,
 * nothing to install) or to any database given by URL, brought to the newest schema when opened. Work runs in
 * transactions that are tried again when two writers collide.
 */
public final class CatalogueStore implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(CatalogueStore.class.getName());
    private static final int ATTEMPTS = 8;
    private static final Set<String> RETRIED_STATES = Set.of("40001", "40P01", "23505", "HYT00", "40000", "90131");

    private final HikariDataSource dataSource;
    private final SecretHasher secretHasher;

    private CatalogueStore(HikariDataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            Migrations.migrate(connection);
            this.secretHasher = SecretHasher.withKey(secretKey(connection));
        }
        catch (SQLException | RuntimeException exception) {
            dataSource.close();
            throw exception;
        }
    }

    /**
     * Opens (and creates if needed) the embedded catalogue in a directory.
     *
     * @throws StoreException if the directory cannot be used or the database cannot be opened
     */
    public static CatalogueStore openDirectory(Path directory) throws StoreException {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException exception) {
            throw new StoreException("Cannot create the catalogue directory " + directory + ": " + exception, exception);
        }
        String url = "jdbc:h2:" + directory.toAbsolutePath().resolve("catalogue")
                + ";LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "sa", "", 4);
    }

    /**
     * Opens the catalogue at a JDBC URL.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://db/catalogue}
     * @param user the database user
     * @param password the password; it is never logged
     * @param poolSize how many connections are kept at most
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static CatalogueStore open(String url, String user, String password, int poolSize) throws StoreException {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("security-catalogue");
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1);
        if (url.startsWith("jdbc:h2:")) {
            config.setDriverClassName("org.h2.Driver");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            return new CatalogueStore(dataSource);
        }
        catch (SQLException exception) {
            throw new StoreException("Cannot open the catalogue database " + safeUrl(url) + ": "
                    + exception.getMessage(), exception);
        }
    }

    /** Returns the hasher of secrets found by scanners, keyed by this catalogue's own random key. */
    public SecretHasher secretHasher() {
        return secretHasher;
    }

    /** Returns the schema version of the database. */
    public int schemaVersion() throws StoreException {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(version) FROM catalogue_schema");
                    ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        });
    }

    /**
     * Runs the work in one transaction: all of it is stored or none of it. When the transaction collides with a
     * concurrent writer (a deadlock, a lock timeout, a duplicate insert of the same service) it is rolled back
     * and run again, a few times.
     */
    public <T> T inTransaction(Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                }
                catch (SQLException | RuntimeException exception) {
                    rollback(connection);
                    throw exception;
                }
                finally {
                    connection.setAutoCommit(true);
                }
            }
            catch (SQLException exception) {
                if (!isRetried(exception) || attempt == ATTEMPTS) {
                    throw new StoreException("The catalogue database refused the change: " + exception.getMessage(),
                            exception);
                }
                last = exception;
                LOGGER.log(Level.FINE, "Retrying a transaction that collided with another writer", exception);
                pause(attempt);
            }
        }
        throw new StoreException("The catalogue database refused the change", last);
    }

    /** Runs read-only work on a connection. */
    public <T> T read(Work<T> work) throws StoreException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
        catch (SQLException exception) {
            throw new StoreException("Cannot read the catalogue database: " + exception.getMessage(), exception);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static byte[] secretKey(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT meta_value FROM catalogue_meta WHERE meta_key = 'secret-hash-key'");
                ResultSet result = select.executeQuery()) {
            if (result.next()) {
                return HexFormat.of().parseHex(result.getString(1));
            }
        }
        byte[] key = SecretHasher.newKey();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO catalogue_meta (meta_key, meta_value) VALUES ('secret-hash-key', ?)")) {
            insert.setString(1, HexFormat.of().formatHex(key));
            insert.executeUpdate();
            return key;
        }
        catch (SQLException exception) {
            if (isRetried(exception)) {
                return secretKey(connection);
            }
            throw exception;
        }
    }

    private static boolean isRetried(SQLException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && RETRIED_STATES.contains(sql.getSQLState().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        }
        catch (SQLException exception) {
            LOGGER.log(Level.WARNING, "Rolling back a failed catalogue transaction failed", exception);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (10 * attempt + Math.random() * 40 * attempt));
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
    }

    private static String safeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****");
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work. */
        T run(Connection connection) throws SQLException;
    }
}
