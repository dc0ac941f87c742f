package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.AtomFeed;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentException;
import io.jenkins.plugins.securitycatalogue.incident.IncidentFilter;
import io.jenkins.plugins.securitycatalogue.incident.IncidentId;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownExport;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import io.jenkins.plugins.securitycatalogue.store.StoreException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident export}: one post-mortem as Markdown, or the Atom feed of the published ones. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a post-mortem as Markdown (for wikis), or the Atom feed of published post-mortems.")
final class IncidentExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The incident to write as Markdown.")
    String id;

    @Option(names = "--atom", description = "Write the Atom feed of published post-mortems instead.")
    boolean atom;

    @Option(names = "--base-url", paramLabel = "URL", description = "For --atom: the http(s) URL of incident pages.")
    String baseUrl;

    @Option(names = "--feed-title", paramLabel = "TEXT", defaultValue = "Published security post-mortems",
            description = "For --atom: the feed's title.")
    String feedTitle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            try (CatalogueStore store = catalogue.open()) {
                if (atom == (id != null)) {
                    throw new IllegalArgumentException("Give either an incident ID or --atom");
                }
                IncidentStore incidents = new IncidentStore(store);
                String text = atom ? feed(incidents) : markdown(incidents);
                write(text);
            }
            return Main.OK;
        });
    }

    private String markdown(IncidentStore incidents) throws IncidentException, StoreException {
        IncidentId incidentId = IncidentId.parse(id);
        Incident incident = incidents.find(incidentId).orElseThrow(
                () -> new IncidentException("There is no incident " + incidentId));
        return MarkdownExport.write(incident);
    }

    private String feed(IncidentStore incidents) throws StoreException, IOException {
        var xml = new StringWriter();
        try {
            new AtomFeed(feedTitle, baseUrl).write(incidents.list(IncidentFilter.PUBLISHED), Instant.now(), xml);
        }
        catch (XMLStreamException exception) {
            throw new IOException("Cannot write the feed: " + exception.getMessage(), exception);
        }
        return xml + "\n";
    }

    private void write(String text) throws IOException {
        var out = spec.commandLine().getOut();
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        if (catalogue.json) {
            IncidentOutput.json(out, IncidentOutput.object("format", atom ? "atom" : "markdown",
                    "output", output == null ? null : output.toString(), "content", output == null ? text : null));
        }
        else if (output == null) {
            out.print(text);
            out.flush();
        }
        else {
            out.println("Wrote " + output);
        }
    }
}
