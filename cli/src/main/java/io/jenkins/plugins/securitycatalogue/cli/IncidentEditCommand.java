package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.BlamelessWarning;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStatus;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import io.jenkins.plugins.securitycatalogue.incident.PostMortem;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident edit}: changes a post-mortem, refusing to overwrite a newer revision. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Changes fields of a post-mortem, or replaces it with a Markdown file (--from), or moves it "
                + "between draft and in review (--status).",
                "--revision names the revision you started from; if someone saved since, nothing is saved "
                        + "(exit 5) and the message says who and when."})
final class IncidentEditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Mixin
    PostMortemOptions fields;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident, e.g. INC-2026-014.")
    String id;

    @Option(names = "--revision", required = true, paramLabel = "N",
            description = "The revision your edit is based on (see 'incident show').")
    int revision;

    @Option(names = "--from", paramLabel = "FILE", description = "Replace the content with this Markdown file.")
    Path from;

    @Option(names = "--status", paramLabel = "STATUS", description = "draft or in-review (publish with 'publish').")
    String status;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who edits it (default: ${DEFAULT-VALUE}).")
    String author;

    @Option(names = "--blameless-words", paramLabel = "FILE", description = "Extra blameless rules (see docs).")
    Path words;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            IncidentId incidentId = IncidentId.parse(id);
            try (CatalogueStore store = catalogue.open()) {
                IncidentStore incidents = new IncidentStore(store);
                Incident current = incidents.find(incidentId).orElseThrow(() -> new IncidentException(
                        "There is no incident " + incidentId));
                Incident edited = edit(incidents, current);
                print(edited, IncidentOutput.blameless(words).check(edited.postMortem()));
            }
            return Main.OK;
        });
    }

    private Incident edit(IncidentStore incidents, Incident current)
            throws IncidentException, StoreException, IOException {
        Incident result = current;
        int base = revision;
        if (from != null || !fields.isEmpty()) {
            PostMortem start = from == null ? current.postMortem()
                    : MarkdownImport.read(Files.readString(from)).postMortem();
            result = incidents.save(current.id(), base, fields.apply(start), author, Instant.now());
            base = result.revision();
        }
        if (status != null) {
            IncidentStatus next = IncidentStatus.parse(status);
            if (next == IncidentStatus.PUBLISHED) {
                throw new IllegalArgumentException("Publish with 'incident publish', which checks the required "
                        + "sections");
            }
            result = incidents.changeStatus(current.id(), base, next, author, Instant.now());
        }
        if (result == current) {
            throw new IllegalArgumentException("Nothing to change: give field options, --from or --status");
        }
        return result;
    }

    private void print(Incident incident, List<BlamelessWarning> warnings) {
        var out = spec.commandLine().getOut();
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("incident", incident, "blameless", warnings));
            return;
        }
        out.printf("Saved %s (%s, revision %d)%n", incident.id(), incident.status().label(), incident.revision());
        IncidentOutput.warnings(out, warnings);
    }
}
