package io.jenkins.plugins.securitycatalogue.benchmarks;

import io.jenkins.plugins.securitycatalogue.posture.CataloguePolicy;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P3: the read path on a large catalogue. The default is 1,000 services of 200 findings (200,000); the target
 * size is {@code -p services=10000} (2,000,000 findings), which takes minutes to seed the first time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmark {
    /** Services on one page of the catalogue view. */
    static final int PAGE = 50;

    @Param({"h2", "postgresql"})
    public String database;

    @Param("1000")
    public int services;

    private Catalogues catalogues;
    private CatalogueQueries queries;
    private String oneService;
    private String oneCve;
    private String onePackage;

    /** Opens (seeding when new) the catalogue. */
    @Setup
    public void prepare() throws Exception {
        catalogues = Catalogues.open(database, services, 200);
        queries = new CatalogueQueries(catalogues.store(), CataloguePolicy.defaults(),
                () -> Instant.parse("2026-03-01T09:00:00Z"));
        oneService = Seeder.service(services / 2 + 1);
        oneCve = Seeder.cve(services / 3);
        onePackage = "package-" + 1234;
    }

    /** Closes the catalogue. */
    @TearDown
    public void close() throws Exception {
        catalogues.close();
    }

    /** One page of the services table, riskiest first: what the catalogue view shows. */
    @Benchmark
    public int servicesRiskiestFirst() throws Exception {
        return queries.services(ServiceFilter.ALL, 0, PAGE).size();
    }

    /** One page of the services table of one team. */
    @Benchmark
    public int servicesOfATeam() throws Exception {
        return queries.services(new ServiceFilter("team-7", null, null), 0, PAGE).size();
    }

    /** One service's page. */
    @Benchmark
    public Object oneServicePage() throws Exception {
        return queries.service(oneService).orElseThrow();
    }

    /** Who carries a CVE, and where it runs. */
    @Benchmark
    public int exposureByCve() throws Exception {
        return queries.exposure(oneCve).size();
    }

    /** Who carries a package, and where it runs. */
    @Benchmark
    public int exposureByPackage() throws Exception {
        return queries.exposure(onePackage).size();
    }
}
