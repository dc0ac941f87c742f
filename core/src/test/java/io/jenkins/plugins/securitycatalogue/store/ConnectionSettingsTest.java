package io.jenkins.plugins.securitycatalogue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection settings: the password stays secret, and a database that is down fails clearly and in bounded time. */
class ConnectionSettingsTest {
    private static final ConnectRetry QUICK = new ConnectRetry(3, Duration.ofMillis(300), Duration.ofMillis(50));
    private static final String[] NOISY = {"", "com.zaxxer", "org.postgresql", "io.jenkins.plugins"};

    private final List<LogRecord> records = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEveryLogMessage() {
        capture.setLevel(Level.ALL);
        for (String name : NOISY) {
            levels.add(Logger.getLogger(name).getLevel());
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restoreLogging() {
        Logger.getLogger("").removeHandler(capture);
        for (int index = 0; index < NOISY.length; index++) {
            Logger.getLogger(NOISY[index]).setLevel(levels.get(index));
        }
    }

    @OnPostgreSql
    void shouldNeverLogNorReportThePassword(TestDatabase database) throws Exception {
        String wrong = "Wrong-" + database.password();
        clearLog();

        try (CatalogueStore store = database.open()) {
            assertThat(store.schemaVersion()).isPositive();
        }
        StoreException refused = catchThrowableOfType(StoreException.class,
                () -> CatalogueStore.open(database.url(), database.user(), wrong, 2, QUICK).close());
        StoreException inUrl = catchThrowableOfType(StoreException.class,
                () -> CatalogueStore.open(database.url() + "?password=" + wrong, database.user(), wrong, 2, QUICK)
                        .close());

        assertThat(refused).hasMessageContaining("catalogue_writer").hasMessageContaining(database.url())
                .hasMessageContaining("authentication failed");
        assertThat(inUrl).hasMessageContaining(database.url() + " (user");
        assertThat(everything(refused) + everything(inUrl) + logged())
                .isNotEmpty()
                .doesNotContain(database.password())
                .doesNotContain(wrong);
    }

    @Test
    void shouldGiveUpWithAClearMessageAfterBoundedRetriesWhenTheDatabaseIsDown() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/catalogue";
        long started = System.nanoTime();

        StoreException down = catchThrowableOfType(StoreException.class,
                () -> CatalogueStore.open(url, "writer", "Secret-down-1234", 2, QUICK).close());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(down).hasMessageContaining(url).hasMessageContaining("cannot be reached after 3 attempts")
                .hasMessageContaining("refused");
        assertThat(logged()).contains("attempt 1 of 3", "attempt 2 of 3").doesNotContain("attempt 3 of 3");
        assertThat(everything(down) + logged()).doesNotContain("Secret-down-1234");
    }

    @Test
    void shouldTakeAPasswordOutOfTheUrlBeforeTheDriverLogsIt() {
        assertThat(CatalogueStore.withoutPassword("jdbc:postgresql://db/cat?user=a&password=s3&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/cat?user=a&ssl=true");
        assertThat(CatalogueStore.withoutPassword("jdbc:postgresql://db/cat?password=s3"))
                .isEqualTo("jdbc:postgresql://db/cat");
        assertThat(CatalogueStore.withoutPassword("jdbc:h2:/x/catalogue;PASSWORD=s3;LOCK_TIMEOUT=1"))
                .isEqualTo("jdbc:h2:/x/catalogue;LOCK_TIMEOUT=1");
    }

    @Test
    void shouldRefuseRetrySettingsThatWouldNeverConnect() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ConnectRetry(0, Duration.ofSeconds(1), Duration.ZERO)))
                .hasMessageContaining("got 0");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String everything(Throwable exception) {
        var text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private void clearLog() {
        synchronized (records) {
            records.clear();
        }
    }

    private String logged() {
        var formatter = new SimpleFormatter();
        var text = new StringBuilder();
        synchronized (records) {
            records.forEach(record -> text.append(formatter.format(record)));
        }
        return text.toString();
    }
}
