package io.jenkins.plugins.securitycatalogue.benchmarks;

import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Seeded catalogues for the benchmarks, on H2 (a directory) or PostgreSQL (the embedded server, loopback only),
 * cached under the temp directory by size so that a second run skips the seeding.
 */
final class Catalogues implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final CatalogueStore store;

    private Catalogues(EmbeddedPostgres postgres, CatalogueStore store) {
        this.postgres = postgres;
        this.store = store;
    }

    /**
     * Opens, seeding it first when new, the catalogue of a database kind and size. The system property
     * {@code bench.h2} appends settings to the H2 URL, for example {@code ;CACHE_SIZE=524288}.
     */
    static Catalogues open(String database, int services, int findingsPerService)
            throws IOException, SQLException, StoreException {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "security-catalogue-bench",
                database + "-" + services + "x" + findingsPerService);
        Files.createDirectories(directory);
        if ("h2".equals(database)) {
            String url = CatalogueStore.embeddedUrl(directory, false) + System.getProperty("bench.h2", "");
            CatalogueStore store = CatalogueStore.open(url, "sa", "", 4);
            seed(DriverManager.getConnection(url, "sa", ""), services, findingsPerService, false);
            return new Catalogues(null, store);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        CatalogueStore store = CatalogueStore.open(url, "postgres", "", 4);
        seed(DriverManager.getConnection(url), services, findingsPerService, true);
        return new Catalogues(postgres, store);
    }

    private static void seed(Connection connection, int services, int perService, boolean postgres)
            throws SQLException {
        try (connection) {
            if (!Seeder.seeded(connection, services)) {
                var seeder = new Seeder(connection);
                seeder.seed(services, perService);
                seeder.restartIdentities(postgres);
                if (postgres) {
                    connection.createStatement().execute("ANALYZE");
                }
            }
        }
    }

    CatalogueStore store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        store.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
