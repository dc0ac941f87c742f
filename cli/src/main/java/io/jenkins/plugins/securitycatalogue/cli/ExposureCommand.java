package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ExposureHit;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which services and environments carry a vulnerability or a package. */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "Finds the services and environments that carry a CVE/GHSA id (any alias) or a package.")
final class ExposureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(index = "0", paramLabel = "ID", description = "A CVE or GHSA id (or other alias), or a package name or purl.")
    String query;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogueStore store = catalogue.open()) {
            List<ExposureHit> hits = new CatalogueQueries(store, catalogue.policy()).exposure(query);
            if (catalogue.json) {
                Output.json(out, hits);
                return Main.OK;
            }
            if (hits.isEmpty()) {
                out.println("No service carries " + query + ".");
                return Main.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ExposureHit hit : hits) {
                rows.add(List.of(hit.service(), Output.text(hit.team()),
                        hit.environments().isEmpty() ? "-" : String.join(",", hit.environments()), hit.id(),
                        hit.severity().label(), Output.text(hit.packageName()),
                        Output.text(hit.installedVersion()) + " -> " + Output.text(hit.fixedVersion()), hit.tool(),
                        hit.state().toLowerCase(java.util.Locale.ROOT)));
            }
            Output.table(out, List.of("SERVICE", "TEAM", "ENVIRONMENTS", "ID", "SEVERITY", "PACKAGE",
                    "INSTALLED -> FIXED", "TOOL", "STATE"), rows);
            return Main.OK;
        }
        catch (StoreException exception) {
            spec.commandLine().getErr().println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }
}
