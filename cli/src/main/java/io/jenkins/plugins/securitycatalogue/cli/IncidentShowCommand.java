package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.BlamelessWarning;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentMetrics;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownExport;
import io.jenkins.plugins.securitycatalogue.incident.PublicationRules;
import io.jenkins.plugins.securitycatalogue.incident.Times;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident show}: one post-mortem, its revision, computed times, what publishing lacks, and warnings. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows a post-mortem with its revision, computed times, missing sections and blameless check.")
final class IncidentShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. INC-2026-014.")
    String id;

    @Option(names = "--blameless-words", paramLabel = "FILE", description = "Extra blameless rules (see docs).")
    Path words;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            IncidentId incidentId = IncidentId.parse(id);
            try (CatalogueStore store = catalogue.open()) {
                Incident incident = new IncidentStore(store).find(incidentId).orElseThrow(
                        () -> new IncidentException("There is no incident " + incidentId));
                print(incident, IncidentOutput.blameless(words).check(incident.postMortem()));
            }
            return Main.OK;
        });
    }

    private void print(Incident incident, List<BlamelessWarning> warnings) {
        var out = spec.commandLine().getOut();
        IncidentMetrics.IncidentTimesRow times = IncidentMetrics.of(List.of(incident)).incidents().get(0);
        List<String> missing = PublicationRules.missing(incident.postMortem());
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incident", incident, "times", times,
                    "missingForPublication", missing, "blameless", warnings));
            return;
        }
        out.printf("%s, %s, revision %d, last saved by %s at %s%n", incident.id(), incident.status().label(),
                incident.revision(), incident.updatedBy(), Times.format(incident.updatedAt()));
        out.printf("Time to detect %s, to mitigate %s, to resolve %s%n", IncidentOutput.duration(times.timeToDetect()),
                IncidentOutput.duration(times.timeToMitigate()), IncidentOutput.duration(times.timeToResolve()));
        if (!missing.isEmpty()) {
            out.println("Missing for publication: " + String.join(", ", missing));
        }
        IncidentOutput.warnings(out, warnings);
        out.println();
        out.print(MarkdownExport.write(incident));
    }
}
