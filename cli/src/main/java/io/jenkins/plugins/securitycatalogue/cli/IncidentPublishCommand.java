package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident publish}: publishes a reviewed post-mortem that has every required section. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes a post-mortem that is in review and has every required section.",
                "If sections are missing, the error lists them."})
final class IncidentPublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. INC-2026-014.")
    String id;

    @Option(names = "--revision", paramLabel = "N",
            description = "The revision you reviewed; refused if it changed since (recommended).")
    Integer revision;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who publishes it (default: ${DEFAULT-VALUE}).")
    String author;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            try (CatalogueStore store = catalogue.open()) {
                Incident published = new IncidentStore(store).changeStatus(IncidentId.parse(id), revision,
                        IncidentStatus.PUBLISHED, author, Instant.now());
                var out = spec.commandLine().getOut();
                if (catalogue.json) {
                    IncidentOutput.json(out, IncidentOutput.object("incident", published));
                }
                else {
                    out.printf("Published %s (revision %d)%n", published.id(), published.revision());
                }
            }
            return Main.OK;
        });
    }
}
