package io.jenkins.plugins.securitycatalogue.formats.yarn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportException;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.formats.npm.NpmAdvisories;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Set;

/**
 * The JSON of {@code yarn audit --json} (yarn 1: one JSON object per line, {@code auditAdvisory} lines then an
 * {@code auditSummary}) and of {@code yarn npm audit --json} (yarn 2 and 3: one legacy advisories object; yarn 4:
 * one line per package with its {@code children}). The report is read line by line, one small tree per line. An
 * {@code error} line, or a yarn 1 report that stops before its summary, makes the scan incomplete.
 */
public final class YarnAuditFormat implements ReportFormat {
    static final String TOOL = "yarn audit";

    private static final Set<String> LINE_TYPES = Set.of("auditAdvisory", "auditSummary", "auditAction", "info",
            "warning", "error", "step", "activityStart", "activityTick", "activityEnd");
    private static final Set<String> BERRY_KEYS = Set.of("ID", "Issue", "Severity", "Vulnerable Versions");

    @Override
    public String id() {
        return "yarn-audit";
    }

    @Override
    public String displayName() {
        return "yarn audit JSON";
    }

    @Override
    public String description() {
        return "yarn audit --json of yarn 1 (JSON lines) and yarn npm audit --json of yarn 2 to 4";
    }

    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() != Sniff.Shape.JSON_LINES && sniff.shape() != Sniff.Shape.JSON_OBJECT) {
            return false;
        }
        boolean yarnLine = sniff.keys().equals(Set.of("type", "data"))
                && sniff.text("type").map(LINE_TYPES::contains).orElse(false);
        boolean berryLine = sniff.hasKey("value") && sniff.hasKey("children")
                && sniff.childKeys("children").stream().anyMatch(BERRY_KEYS::contains);
        return yarnLine || berryLine;
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException, ReportException {
        context.toolRan(TOOL);
        var state = new YarnAuditLines(context, TOOL);
        try (BufferedReader reader = new BufferedReader(Sniff.reader(input.open()))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String stripped = line.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                if (state.isEmpty() && ("{".equals(stripped) || "[".equals(stripped))) {
                    readDocument(input, state);
                    break;
                }
                state.line(parseLine(input, stripped, number), number);
            }
        }
        state.finish();
    }

    /** Reads a report that is one pretty-printed JSON object (yarn 2 and 3 can write one). */
    private static void readDocument(ReportInput input, YarnAuditLines state) throws IOException {
        try (JsonParser parser = Json.parser(input.open())) {
            parser.nextToken();
            state.line(Json.readTree(parser), 1);
        }
    }

    private JsonNode parseLine(ReportInput input, String line, int number) throws IOException, ReportException {
        try (JsonParser parser = Json.factory().createParser(line)) {
            parser.nextToken();
            JsonNode node = Json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new ReportException(input.name(), displayName(), "line " + number,
                        "more than one JSON value on the line", null);
            }
            if (!node.isObject()) {
                throw new ReportException(input.name(), displayName(), "line " + number,
                        "not the structure of this format: each line is a JSON object", null);
            }
            return node;
        }
        catch (JsonProcessingException exception) {
            throw new ReportException(input.name(), displayName(), position(number, exception),
                    "not valid JSON: " + firstLine(exception.getOriginalMessage()), exception);
        }
    }

    private static String position(int number, JsonProcessingException exception) {
        var location = exception.getLocation();
        return location == null || location.getColumnNr() < 1 ? "line " + number
                : "line " + number + ", column " + location.getColumnNr();
    }

    private static String firstLine(@CheckForNull String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Returns the id of a yarn 4 entry: the GHSA of its link, else its advisory number, else null. */
    @CheckForNull
    static String berryId(@CheckForNull JsonNode id, @CheckForNull String link) {
        String ghsa = NpmAdvisories.ghsa(link);
        if (ghsa != null) {
            return ghsa;
        }
        if (id != null && id.isNumber()) {
            return "npm-advisory-" + id.asText();
        }
        return id == null || id.isNull() ? null : Json.text(id);
    }
}
