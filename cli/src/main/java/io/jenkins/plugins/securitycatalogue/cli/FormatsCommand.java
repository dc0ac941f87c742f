package io.jenkins.plugins.securitycatalogue.cli;

import io.jenkins.plugins.securitycatalogue.formats.FormatRegistry;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The report formats the catalogue reads. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "Lists the report formats told by content; any analysis-model parser id can be named too.")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ReportFormat> formats = new FormatRegistry().formats();
        if (json) {
            List<Map<String, String>> list = new ArrayList<>();
            for (ReportFormat format : formats) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("id", format.id());
                entry.put("name", format.displayName());
                entry.put("description", format.description());
                list.add(entry);
            }
            Output.json(out, list);
            return Main.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        formats.forEach(format -> rows.add(List.of(format.id(), format.displayName(), format.description())));
        Output.table(out, List.of("ID", "NAME", "COVERS"), rows);
        out.println();
        out.println("Any parser id of analysis-model (the library behind Warnings NG) can be named with --format,");
        out.println("for example --format checkstyle or --format analysis-model:pmd.");
        return Main.OK;
    }
}
