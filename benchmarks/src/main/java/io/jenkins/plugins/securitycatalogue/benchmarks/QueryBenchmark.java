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
    /** How many different arguments each benchmark cycles through. */
    static final int VARIANTS = 16;

    @Param({"h2", "postgresql"})
    public String database;

    @Param("1000")
    public int services;

    private Catalogues catalogues;
    private CatalogueQueries queries;
    private final String[] oneService = new String[VARIANTS];
    private final String[] oneCve = new String[VARIANTS];
    private final String[] onePackage = new String[VARIANTS];
    private int call;

    /**
     * Opens (seeding when new) the catalogue. Each benchmark cycles through {@value #VARIANTS} services, CVEs,
     * packages, teams or pages: H2 returns the previous result of an identical query on unchanged tables, which
     * would measure nothing.
     */
    @Setup
    public void prepare() throws Exception {
        catalogues = Catalogues.open(database, services, 200);
        queries = new CatalogueQueries(catalogues.store(), CataloguePolicy.defaults(),
                () -> Instant.parse("2026-03-01T09:00:00Z"));
        for (int variant = 0; variant < VARIANTS; variant++) {
            oneService[variant] = Seeder.service(services / 2 + 1 + 7 * variant);
            oneCve[variant] = Seeder.cve(services / 3 + 37 * variant);
            onePackage[variant] = "package-" + (1234 + variant);
        }
    }

    private int next() {
        return call++ % VARIANTS;
    }

    /** Closes the catalogue. */
    @TearDown
    public void close() throws Exception {
        catalogues.close();
    }

    /** One page of the services table, riskiest first (one of the first 16 pages): the catalogue view. */
    @Benchmark
    public int servicesRiskiestFirst() throws Exception {
        return queries.services(ServiceFilter.ALL, PAGE * next(), PAGE).size();
    }

    /** One page of the services table of one team. */
    @Benchmark
    public int servicesOfATeam() throws Exception {
        return queries.services(new ServiceFilter("team-" + next(), null, null), 0, PAGE).size();
    }

    /** One service's page. */
    @Benchmark
    public Object oneServicePage() throws Exception {
        return queries.service(oneService[next()]).orElseThrow();
    }

    /** Who carries a CVE, and where it runs. */
    @Benchmark
    public int exposureByCve() throws Exception {
        return queries.exposure(oneCve[next()]).size();
    }

    /** Who carries a package, and where it runs. */
    @Benchmark
    public int exposureByPackage() throws Exception {
        return queries.exposure(onePackage[next()]).size();
    }
}
