package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.incident.BlamelessCheck;
import io.jenkins.plugins.securitycatalogue.incident.BlamelessWarning;
import io.jenkins.plugins.securitycatalogue.incident.Incident;
import io.jenkins.plugins.securitycatalogue.incident.IncidentStore;
import io.jenkins.plugins.securitycatalogue.incident.MarkdownImport;
import io.jenkins.plugins.securitycatalogue.store.CatalogueStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident import}: creates draft post-mortems from Markdown files written with the usual headings. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports post-mortems written in Markdown with the usual headings (Summary, Impact, Timeline, "
                + "Root causes, Action items, ...) as drafts with new ids.",
                "Every file is read before anything is stored: if one cannot be read, nothing is imported."})
final class IncidentImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOptions catalogue;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Markdown files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who imports them (default: ${DEFAULT-VALUE}).")
    String author;

    @Option(names = "--blameless-words", paramLabel = "FILE", description = "Extra blameless rules (see docs).")
    Path words;

    @Override
    public Integer call() {
        return IncidentOutput.run(spec, () -> {
            Map<Path, MarkdownImport.Result> read = readAll();
            BlamelessCheck check = IncidentOutput.blameless(words);
            List<Map<String, Object>> imported = new ArrayList<>();
            try (CatalogueStore store = catalogue.open()) {
                IncidentStore incidents = new IncidentStore(store);
                for (var file : read.entrySet()) {
                    Incident incident = incidents.create(file.getValue().postMortem(), author, Instant.now());
                    imported.add(IncidentOutput.object("file", file.getKey().toString(), "id", incident.id(),
                            "title", incident.title(), "importWarnings", file.getValue().warnings(),
                            "blameless", check.check(incident.postMortem())));
                }
            }
            print(spec.commandLine().getOut(), imported);
            return Main.OK;
        });
    }

    private Map<Path, MarkdownImport.Result> readAll() throws IOException {
        Map<Path, MarkdownImport.Result> read = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                read.put(file, MarkdownImport.read(Files.readString(file)));
            }
            catch (IllegalArgumentException exception) {
                throw new IllegalArgumentException(file + ": " + exception.getMessage() + "; nothing was imported",
                        exception);
            }
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private void print(PrintWriter out, List<Map<String, Object>> imported) {
        if (catalogue.json) {
            IncidentOutput.json(out, imported);
            return;
        }
        for (Map<String, Object> one : imported) {
            out.printf("Imported %s as %s (draft): %s%n", one.get("file"), one.get("id"), one.get("title"));
            ((List<String>) one.get("importWarnings")).forEach(warning -> out.println("  import: " + warning));
            IncidentOutput.warnings(out, (List<BlamelessWarning>) one.get("blameless"));
        }
    }
}
