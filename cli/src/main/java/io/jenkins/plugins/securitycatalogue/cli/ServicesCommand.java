package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.model.Severity;
import io.jenkins.plugins.securitycatalogue.query.CatalogueQueries;
import io.jenkins.plugins.securitycatalogue.query.ServiceFilter;
import io.jenkins.plugins.securitycatalogue.query.ServiceSummary;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The catalogue table: every service, who owns it, what runs where, its open findings; riskiest first. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Lists the services, riskiest first, with owner, deployed versions and open findings.")
final class ServicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Option(names = "--team", paramLabel = "TEAM", description = "Only the services of this team.")
    String team;

    @Option(names = "--environment", paramLabel = "ENV", description = "Only the services deployed in this environment.")
    String environment;

    @Option(names = "--severity", paramLabel = "SEVERITY",
            description = "Only the services with an open finding of this severity or worse.")
    Severity severity;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogueStore store = catalogue.open()) {
            List<ServiceSummary> services = new CatalogueQueries(store, catalogue.policy())
                    .services(new ServiceFilter(team, environment, severity));
            if (catalogue.json) {
                Output.json(out, services);
                return Main.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ServiceSummary service : services) {
                rows.add(List.of(service.name() + (service.archived() ? " (archived)" : ""),
                        Output.text(service.team()), deployments(service),
                        Integer.toString(service.open().critical()), Integer.toString(service.open().high()),
                        Integer.toString(service.open().medium()), Integer.toString(service.open().low()),
                        Integer.toString(service.newFindings()), Integer.toString(service.slaBreached().total()),
                        Long.toString(service.risk().total()),
                        Output.time(service.lastScanned()) + (service.stale() ? " (stale)" : "")));
            }
            Output.table(out, List.of("SERVICE", "TEAM", "DEPLOYED", "CRITICAL", "HIGH", "MEDIUM", "LOW", "NEW",
                    "PAST-SLA", "RISK", "LAST SCANNED"), rows);
            return Main.OK;
        }
        catch (StoreException exception) {
            spec.commandLine().getErr().println("error: " + exception.getMessage());
            return Main.STORE;
        }
    }

    private static String deployments(ServiceSummary service) {
        if (service.deployments().isEmpty()) {
            return "-";
        }
        return service.environments().stream()
                .map(environment -> environment + "=" + service.deployments().get(environment))
                .collect(Collectors.joining(" "));
    }
}
