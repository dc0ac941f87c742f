package io.jenkins.plugins.securitycatalogue.formats.dependencycheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.formats.UnexpectedShapeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON report of OWASP Dependency-Check ({@code --format JSON}), report schemas 1.0 and 1.1 (Dependency-Check
 * 3 to 12). The dependencies are streamed one at a time. Analysis exceptions in the scan information mean that
 * some analyzer failed: such a scan is recorded as incomplete, however clean it looks.
 */
public final class DependencyCheckJsonFormat implements ReportFormat {
    private static final Set<String> KNOWN_SCHEMAS = Set.of("1.0", "1.1");
    /** The fields of a dependency that are read; the rest (evidence, hashes) can be most of a report. */
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("fileName", "filePath", "packages", "identifiers",
            "vulnerabilities", "suppressedVulnerabilities");

    @Override
    public String id() {
        return "dependency-check-json";
    }

    @Override
    public String displayName() {
        return "OWASP Dependency-Check JSON";
    }

    @Override
    public String description() {
        return "OWASP Dependency-Check 3 to 12, --format JSON (report schema 1.0 and 1.1)";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return sniff.shape() == Sniff.Shape.JSON_OBJECT && sniff.hasKey("dependencies")
                && (sniff.hasKey("reportSchema") || sniff.childKeys("scanInfo").contains("engineVersion"));
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        context.toolRan(DependencyCheckFindings.TOOL);
        try (JsonParser parser = Json.parser(input.open())) {
            parser.nextToken();
            boolean[] dependencies = {false};
            Json.forEachField(parser, (name, value) -> {
                switch (name) {
                    case "reportSchema" -> schema(value.getValueAsString(), context);
                    case "scanInfo" -> scanInfo(Json.readTree(value), context);
                    case "dependencies" -> {
                        dependencies[0] = true;
                        Json.forEachElement(value, DEPENDENCY_FIELDS,
                                (dependency, index) -> dependency(dependency, index, context));
                    }
                    default -> {
                        // projectInfo and fields of later versions say nothing about findings
                    }
                }
            });
            if (!dependencies[0]) {
                throw new UnexpectedShapeException(parser, "a Dependency-Check report has a dependencies list");
            }
        }
    }

    private static void schema(@CheckForNull String schema, ParseContext context) {
        if (schema != null && !KNOWN_SCHEMAS.contains(schema.strip())) {
            context.toolIncomplete(DependencyCheckFindings.TOOL, "report schema " + schema
                    + " is newer than the schemas this version reads (1.0, 1.1); findings may be missing");
        }
    }

    private static void scanInfo(JsonNode scanInfo, ParseContext context) {
        List<JsonNode> exceptions = Json.list(scanInfo, "analysisExceptions");
        if (exceptions.isEmpty()) {
            return;
        }
        JsonNode first = exceptions.get(0);
        String message = Json.text(first, "exception", "message");
        if (message == null) {
            message = Json.text(first, "message");
        }
        context.toolIncomplete(DependencyCheckFindings.TOOL, exceptions.size() + " analysis exception(s), first: "
                + (message == null ? "no message" : message));
    }

    private static void dependency(JsonNode dependency, int index, ParseContext context) {
        List<String> packageIds = new ArrayList<>();
        Json.list(dependency, "packages").forEach(id -> addText(packageIds, Json.text(id, "id")));
        List<String> mavenIds = new ArrayList<>();
        for (JsonNode identifier : Json.list(dependency, "identifiers")) {
            if ("maven".equalsIgnoreCase(Json.text(identifier, "type"))) {
                addText(mavenIds, Json.text(identifier, "name"));
            }
            else {
                addText(packageIds, Json.text(identifier, "id"));
            }
        }
        var item = DependencyCheckPackage.of(Json.text(dependency, "fileName"), Json.text(dependency, "filePath"),
                packageIds, mavenIds);
        String where = "dependencies[" + index + "]";
        List<JsonNode> vulnerabilities = Json.list(dependency, "vulnerabilities");
        for (int i = 0; i < vulnerabilities.size(); i++) {
            DependencyCheckFindings.add(context, item, vulnerabilities.get(i), false,
                    where + ".vulnerabilities[" + i + "]");
        }
        List<JsonNode> suppressed = Json.list(dependency, "suppressedVulnerabilities");
        for (int i = 0; i < suppressed.size(); i++) {
            DependencyCheckFindings.add(context, item, suppressed.get(i), true,
                    where + ".suppressedVulnerabilities[" + i + "]");
        }
    }

    private static void addText(List<String> list, @CheckForNull String text) {
        if (text != null) {
            list.add(text);
        }
    }
}
