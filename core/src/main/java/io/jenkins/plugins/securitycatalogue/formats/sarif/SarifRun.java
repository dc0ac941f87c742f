package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one run of a SARIF log, field by field. Results are mapped as they stream past once the run's tool is
 * known; results that come before the tool (keys sorted alphabetically, as Semgrep writes them) wait for it.
 * Artifacts and base URIs that come after a streamed result are not applied to it: no producer we know writes
 * them after the results.
 */
final class SarifRun {
    private final ParseContext context;
    private final int index;
    private final ArtifactLocations locations = new ArtifactLocations();
    private final List<Pending> waiting = new ArrayList<>();
    @CheckForNull
    private SarifTool tool;
    @CheckForNull
    private ResultMapper mapper;
    @CheckForNull
    private String failure;
    private boolean resultsGiven;

    /** A result read before the run's tool, with its position in the results array. */
    private record Pending(JsonNode result, int index) {
    }

    SarifRun(ParseContext context, int index) {
        this.context = context;
        this.index = index;
    }

    /** Reads the run the parser is at (on its start) and returns the name of its tool. */
    String read(JsonParser parser) throws IOException {
        Json.forEachField(parser, this::field);
        if (tool == null) {
            context.log().warning("%s: runs[%d] names no tool; it is recorded as '%s'", context.file(), index,
                    SarifTool.UNNAMED);
        }
        ResultMapper results = mapper();
        context.toolRan(results.tool().name());
        for (Pending pending : waiting) {
            results.add(pending.result(), pending.index());
        }
        waiting.clear();
        results.finish();
        if (failure == null && !resultsGiven) {
            failure = "the run has no results array, which in SARIF means its results were not computed";
        }
        if (failure != null) {
            context.toolIncomplete(results.tool().name(), failure);
        }
        return results.tool().name();
    }

    private void field(String name, JsonParser parser) throws IOException {
        switch (name) {
            case "tool" -> {
                tool = SarifTool.of(Json.readTree(parser));
                mapper = null;
            }
            case "originalUriBaseIds" -> locations.baseIds(Json.readTree(parser));
            case "artifacts" -> Json.forEachElement(parser, (artifact, position) -> locations.artifact(artifact));
            case "invocations" -> Json.forEachElement(parser, (invocation, position) -> invocation(invocation));
            case "results" -> {
                resultsGiven = parser.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY;
                Json.forEachElement(parser, this::result);
            }
            default -> {
                // other run properties (taxonomies, graphs, web requests, ...) say nothing about findings
            }
        }
    }

    private void result(JsonNode result, int position) {
        if (tool == null) {
            waiting.add(new Pending(result, position));
        }
        else {
            mapper().add(result, position);
        }
    }

    private ResultMapper mapper() {
        if (mapper == null) {
            mapper = new ResultMapper(context, tool == null ? SarifTool.unnamed() : tool, locations, index);
        }
        return mapper;
    }

    /** Notes a failed invocation: the tool did not finish, so what it did not report is not fixed. */
    private void invocation(JsonNode invocation) {
        JsonNode successful = invocation.get("executionSuccessful");
        if (failure != null || successful == null || !successful.isBoolean() || successful.booleanValue()) {
            return;
        }
        failure = "the tool reported that its execution was not successful";
        for (JsonNode notification : Json.list(invocation, "toolExecutionNotifications")) {
            String message = Json.text(notification, "message", "text");
            if ("error".equals(Json.text(notification, "level")) && message != null) {
                failure = failure + ": " + message;
                return;
            }
        }
    }
}
