package io.jenkins.plugins.securitycatalogue.formats.sarif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.formats.Json;
import io.jenkins.plugins.securitycatalogue.formats.ParseContext;
import io.jenkins.plugins.securitycatalogue.formats.ReportFormat;
import io.jenkins.plugins.securitycatalogue.formats.ReportInput;
import io.jenkins.plugins.securitycatalogue.formats.Sniff;
import io.jenkins.plugins.securitycatalogue.formats.UnexpectedShapeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SARIF 2.1.0, the static analysis results format that most code, secret, IaC and container scanners can write.
 * Every run of the log is one tool; its results are streamed one at a time, and only the results that come
 * before the run's {@code tool} object (Semgrep sorts its keys) wait for it in memory.
 */
public final class SarifFormat implements ReportFormat {
    private static final String SUPPORTED_VERSION = "2.1.0";

    /** Creates the format; it keeps no state between reports. */
    public SarifFormat() {
        // stateless: each report gets its own readers
    }

    @Override
    public String id() {
        return "sarif";
    }

    @Override
    public String displayName() {
        return "SARIF";
    }

    @Override
    public String description() {
        return "SARIF 2.1.0 logs of any tool (CodeQL, Semgrep, Checkov, Trivy, gitleaks, ESLint, ...), "
                + "one tool per run";
    }

    /**
     * Accepts a JSON object whose {@code $schema} names SARIF, or that has {@code runs} together with a 2.x
     * {@code version} or runs holding a {@code tool} or {@code results}.
     */
    @Override
    public boolean accepts(Sniff sniff) {
        if (sniff.shape() != Sniff.Shape.JSON_OBJECT) {
            return false;
        }
        if (sniff.text("$schema").orElse("").toLowerCase(Locale.ROOT).contains("sarif")) {
            return true;
        }
        if (!sniff.hasKey("runs")) {
            return false;
        }
        Set<String> runKeys = sniff.childKeys("runs");
        return sniff.text("version").orElse("").startsWith("2.") || runKeys.contains("tool")
                || runKeys.contains("results");
    }

    @Override
    public void parse(ReportInput input, ParseContext context) throws IOException {
        try (InputStream in = input.open(); JsonParser parser = Json.parser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                context.log().warning("%s: the SARIF log is empty; nothing is recorded from it", context.file());
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UnexpectedShapeException(parser,
                        "a SARIF log is an object with a 'runs' array, found " + Json.describe(first));
            }
            var log = new LogReader(context);
            Json.forEachField(parser, log::field);
            log.finish(parser);
        }
    }

    /** Reads the top level of one log: its version and its runs. */
    private static final class LogReader {
        private final ParseContext context;
        private final Set<String> tools = new LinkedHashSet<>();
        @CheckForNull
        private String version;
        private boolean runsSeen;

        LogReader(ParseContext context) {
            this.context = context;
        }

        void field(String name, JsonParser parser) throws IOException {
            if ("version".equals(name) && parser.currentToken().isScalarValue()) {
                version = parser.getValueAsString();
            }
            else if ("runs".equals(name)) {
                runsSeen = true;
                readRuns(parser);
            }
        }

        private void readRuns(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token == JsonToken.START_OBJECT) {
                tools.add(new SarifRun(context, 0).read(parser));
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new UnexpectedShapeException(parser, "'runs' must be an array of runs, found "
                        + Json.describe(token));
            }
            int index = 0;
            for (JsonToken run = parser.nextToken(); run != JsonToken.END_ARRAY; run = parser.nextToken()) {
                readRun(parser, run, index++);
            }
        }

        private void readRun(JsonParser parser, @CheckForNull JsonToken run, int index) throws IOException {
            if (run == null) {
                throw new UnexpectedShapeException(parser, "the file ends inside 'runs'");
            }
            if (run == JsonToken.START_OBJECT) {
                tools.add(new SarifRun(context, index).read(parser));
            }
            else {
                parser.skipChildren();
                context.skip("runs[" + index + "]", "a run must be an object, found " + Json.describe(run));
            }
        }

        void finish(JsonParser parser) throws IOException {
            if (!runsSeen) {
                throw new UnexpectedShapeException(parser, "no 'runs' array: this is not a SARIF log");
            }
            if (version != null && !version.strip().startsWith(SUPPORTED_VERSION)) {
                for (String tool : tools) {
                    context.toolIncomplete(tool, "the log is SARIF version '" + version.strip()
                            + "', not " + SUPPORTED_VERSION + ", so results may have been missed");
                }
            }
        }
    }
}
