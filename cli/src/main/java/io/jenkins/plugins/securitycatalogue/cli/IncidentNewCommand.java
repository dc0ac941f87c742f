package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.BlamelessWarning;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentSeverity;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code incident new}: opens a draft post-mortem, from options and/or a Markdown file. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a draft post-mortem with the next id of the year it started (INC-2026-014).")
final class IncidentNewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    PostMortemOptions fields;

    @Option(names = "--from", paramLabel = "FILE", description = "Start from a post-mortem in Markdown.")
    Path from;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who writes it (default: ${DEFAULT-VALUE}).")
    String author;

    @Option(names = "--blameless-words", paramLabel = "FILE", description = "Extra blameless rules (see docs).")
    Path words;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            PostMortem postMortem = fields.apply(base());
            List<BlamelessWarning> warnings = IncidentOutput.blameless(words).check(postMortem);
            try (CatalogueStore store = catalogue.open()) {
                Incident incident = new IncidentStore(store).create(postMortem, author, Instant.now());
                print(incident, warnings);
            }
            return Main.OK;
        });
    }

    private PostMortem base() throws IOException {
        if (from != null) {
            return MarkdownImport.read(Files.readString(from)).postMortem();
        }
        if (fields.title == null || fields.severity == null) {
            throw new IllegalArgumentException("A new post-mortem needs --title and --severity, or --from FILE");
        }
        return PostMortem.builder(fields.title, IncidentSeverity.parse(fields.severity)).build();
    }

    private void print(Incident incident, List<BlamelessWarning> warnings) {
        var out = spec.commandLine().getOut();
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incident", incident, "blameless", warnings));
            return;
        }
        out.printf("Created %s (%s, revision %d): %s%n", incident.id(), incident.status().label(),
                incident.revision(), incident.title());
        IncidentOutput.warnings(out, warnings);
    }
}
