package io.jenkins.plugins.securitycatalogue.store;

import com.zaxxer.hikari.HikariConfig;
import edu.umd.cs.findbugs.annotations.CheckForNull;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue database: a pool of JDBC connections to an embedded H2 database in one directory (the default,
 * nothing to install) or to any database given by URL, brought to the newest schema when opened. Work runs in
 * transactions that are tried again when two writers collide.
 */
public final class CatalogueStore implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(CatalogueStore.class.getName());
    private static final int ATTEMPTS = 8;
    private static final Set<String> RETRIED_STATES = Set.of("40001", "40P01", "23505", "HYT00", "40000", "90131");

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;]password=([^;&]*)");

    private final HikariDataSource dataSource;
    private final Target target;
    private final SecretHasher secretHasher;

    private CatalogueStore(HikariDataSource dataSource, Target target) throws SQLException, StoreException {
        this.dataSource = dataSource;
        this.target = target;
        try (Connection connection = connect()) {
            Migrations.migrate(connection);
            this.secretHasher = SecretHasher.withKey(secretKey(connection));
        }
        catch (SQLException | StoreException | RuntimeException exception) {
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
        return openDirectory(directory, false);
    }

    /**
     * Opens (and creates if needed) the embedded catalogue in a directory.
     *
     * @param directory the directory of the database files
     * @param shared whether several processes may use it at once (the command line): the first one serves the
     *     others over a loopback connection that only holders of the database's lock file can open
     * @throws StoreException if the directory cannot be used or the database cannot be opened
     */
    public static CatalogueStore openDirectory(Path directory, boolean shared) throws StoreException {
        String path = directory.toAbsolutePath().normalize().toString();
        if (path.contains(";") || path.contains("\u0000")) {
            throw new StoreException("The catalogue directory " + path + " cannot be used: its name contains ';'",
                    null);
        }
        try {
            Files.createDirectories(directory);
        }
        catch (IOException exception) {
            throw new StoreException("Cannot create the catalogue directory " + directory + ": " + exception, exception);
        }
        return open(embeddedUrl(Path.of(path), shared), "sa", "", 4, ConnectRetry.defaults());
    }

    /**
     * Returns the JDBC URL of the embedded catalogue in a directory, with H2's default durability (each commit
     * is written before it returns) and page cache: a cache of 256 MB made a recording no faster (P2, see
     * docs/performance.md).
     *
     * @param directory the directory of the database files; its name must not contain {@code ;}
     * @param shared whether several processes may use it at once (H2's mixed mode)
     */
    public static String embeddedUrl(Path directory, boolean shared) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("catalogue") + ";LOCK_TIMEOUT=30000"
                + (shared ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * Opens the catalogue at a JDBC URL, waiting for the database as {@link ConnectRetry#defaults()} says.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://db/catalogue}
     * @param user the database user
     * @param password the password; it is never logged nor put in a message
     * @param poolSize how many connections are kept at most
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static CatalogueStore open(String url, String user, String password, int poolSize) throws StoreException {
        return open(url, user, password, poolSize, ConnectRetry.defaults());
    }

    /**
     * Opens the catalogue at a JDBC URL. A database that is down is tried again as the retry settings say, then
     * the store gives up with a message that names the URL (with any password in it masked) and the user.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://db/catalogue}
     * @param user the database user
     * @param password the password; it is never logged nor put in a message
     * @param poolSize how many connections are kept at most
     * @param retry how long to wait for a database that is down
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static CatalogueStore open(String url, String user, String password, int poolSize, ConnectRetry retry)
            throws StoreException {
        String inUrl = passwordInUrl(url);
        String secret = password.isEmpty() && inUrl != null ? inUrl : password;
        String cleanUrl = withoutPassword(url);
        var target = new Target(cleanUrl, user, secret, retry);
        HikariDataSource dataSource = new HikariDataSource(config(cleanUrl, user, secret, poolSize, retry));
        try {
            return new CatalogueStore(dataSource, target);
        }
        catch (SQLException exception) {
            throw new StoreException("Cannot open the catalogue database " + target.describe() + ": "
                    + target.scrub(exception.getMessage()), target.scrub(exception));
        }
    }

    private static HikariConfig config(String url, String user, String password, int poolSize,
            ConnectRetry retry) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("security-catalogue");
        config.setAutoCommit(true);
        config.setConnectionTimeout(retry.timeout().toMillis());
        config.setInitializationFailTimeout(-1);
        if (url.startsWith("jdbc:h2:")) {
            config.setDriverClassName("org.h2.Driver");
        }
        else if (url.startsWith("jdbc:postgresql:")) {
            config.setDriverClassName("org.postgresql.Driver");
        }
        return config;
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
            try (Connection connection = connect()) {
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
                    throw new StoreException("The catalogue database " + target.describe() + " refused the change: "
                            + target.scrub(exception.getMessage()), target.scrub(exception));
                }
                last = exception;
                LOGGER.log(Level.FINE, "Retrying a transaction that collided with another writer", exception);
                pause(attempt);
            }
        }
        throw new StoreException("The catalogue database refused the change", target.scrub(last));
    }

    /** Runs read-only work on a connection. */
    public <T> T read(Work<T> work) throws StoreException {
        try (Connection connection = connect()) {
            return work.run(connection);
        }
        catch (SQLException exception) {
            throw new StoreException("Cannot read the catalogue database " + target.describe() + ": "
                    + target.scrub(exception.getMessage()), target.scrub(exception));
        }
    }

    /**
     * Takes a connection from the pool; when the database cannot be reached, tries again after a pause that
     * doubles, as often as the retry settings say, then fails with a clear message.
     */
    private Connection connect() throws StoreException {
        ConnectRetry retry = target.retry();
        long started = System.nanoTime();
        SQLException last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                return dataSource.getConnection();
            }
            catch (SQLException exception) {
                last = exception;
                if (attempt < retry.attempts()) {
                    int failed = attempt;
                    LOGGER.warning(() -> "The catalogue database " + target.describe() + " cannot be reached (attempt "
                            + failed + " of " + retry.attempts() + "); trying again in "
                            + retry.pauseAfter(failed).toMillis() + " ms: " + target.scrub(rootMessage(exception)));
                    sleep(retry.pauseAfter(attempt).toMillis());
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        throw new StoreException("The catalogue database " + target.describe() + " cannot be reached after "
                + retry.attempts() + " attempts over " + millis + " ms: " + target.scrub(rootMessage(last)),
                target.scrub(last));
    }

    private static String rootMessage(@CheckForNull Throwable exception) {
        Throwable root = exception;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "no cause given" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) throws StoreException {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the catalogue database", exception);
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

    /**
     * Returns the URL without a {@code password} parameter: JDBC drivers log the URL they connect to (PostgreSQL's
     * at level FINE), so a password there would reach the logs. It is passed as a connection property instead.
     */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(?<=[?&;])password=[^;&]*[;&]?", "").replaceAll("[?&;]$", "");
    }

    @CheckForNull
    private static String passwordInUrl(String url) {
        Matcher matcher = PASSWORD_PARAMETER.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Where the store connects, as said in messages, and the password to keep out of them: drivers may quote
     * connection properties in their errors, so every message and cause is scrubbed before it leaves the store.
     */
    private record Target(String safeUrl, String user, String password, ConnectRetry retry) {
        String describe() {
            return safeUrl + " (user " + user + ")";
        }

        String scrub(@CheckForNull String message) {
            if (message == null) {
                return "";
            }
            return password.isEmpty() ? message : message.replace(password, "****");
        }

        @CheckForNull
        Throwable scrub(@CheckForNull Throwable exception) {
            if (exception == null || password.isEmpty() || !mentionsPassword(exception)) {
                return exception;
            }
            var scrubbed = new SQLException(exception.getClass().getName() + ": " + scrub(exception.getMessage()),
                    exception instanceof SQLException sql ? sql.getSQLState() : null, scrub(exception.getCause()));
            scrubbed.setStackTrace(exception.getStackTrace());
            return scrubbed;
        }

        private boolean mentionsPassword(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains(password)
                        || String.valueOf(cause).contains(password)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work. */
        T run(Connection connection) throws SQLException;
    }
}
