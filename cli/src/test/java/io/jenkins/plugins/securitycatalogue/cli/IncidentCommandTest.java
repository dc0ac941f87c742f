package io.jenkins.plugins.securitycatalogue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code incident} commands end to end, on the shipped example post-mortems of public incidents. */
class IncidentCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "post-mortems");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"new", "edit", "show", "list", "publish", "export", "import"})
    void shouldExplainEverySubcommand(String command) {
        Result help = run("incident", command, "--help");

        assertThat(help.code).isZero();
        assertThat(help.out).contains("Usage: security-catalogue incident " + command, "--catalogue", "--json");
    }

    @Test
    void shouldImportTheExamplesAndListThemWithMetrics() throws Exception {
        Result imported = importExamples();
        JsonNode list = JSON.readTree(run("incident", "list", "--json", "--metrics").out);
        Result text = run("incident", "list", "--metrics", "--overdue", "--today", "2018-10-01");

        assertThat(imported.code).isZero();
        assertThat(imported.out).contains("as INC-2018-001 (draft)", "as INC-2016-001 (draft)");
        assertThat(list.get("incidents")).hasSize(5);
        assertThat(list.get("bySeverity").get("SEV2").get("timeToDetect").get("median").get("text").asText())
                .isEqualTo("10m");
        assertThat(text.out).contains("INC-2018-002", "SEV2     3 incidents; detect median 10m (min 0m, max 18h, n=3)",
                "2018-Q1", "Overdue action items by owner:", "infrastructure (2)");
        assertThat(run("incident", "list", "--severity", "sev1", "--json").out).contains("INC-2017-001")
                .doesNotContain("INC-2018-001");
    }

    @Test
    void shouldRefuseAStaleEditAndSayWhoChangedIt() {
        importExamples();

        Result first = run("incident", "edit", "INC-2018-001", "--revision", "1", "--lessons", "Ours.",
                "--author", "bob");
        Result stale = run("incident", "edit", "INC-2018-001", "--revision", "1", "--lessons", "Theirs.",
                "--author", "carol");

        assertThat(first.code).isZero();
        assertThat(first.out).contains("Saved INC-2018-001 (draft, revision 2)");
        assertThat(stale.code).isEqualTo(IncidentCommand.CONFLICT);
        assertThat(stale.err).contains("INC-2018-001 was changed by bob at", "revision 2", "nothing was saved");
        assertThat(run("incident", "show", "INC-2018-001").out).contains("Ours.").doesNotContain("Theirs.");
    }

    @Test
    void shouldPublishThroughReviewAndShareAsMarkdownAndAtom() throws Exception {
        importExamples();

        Result early = run("incident", "publish", "INC-2018-002");
        Result review = run("incident", "edit", "INC-2018-002", "--revision", "1", "--status", "in-review");
        Result publish = run("incident", "publish", "INC-2018-002", "--revision", "2");
        Path markdown = directory.resolve("ddos.md");
        Result export = run("incident", "export", "INC-2018-002", "--output", markdown.toString());
        Result feed = run("incident", "export", "--atom", "--base-url", "https://ci.example.org/incidents/");

        assertThat(early.code).isEqualTo(Main.USAGE);
        assertThat(early.err).contains("is draft; it cannot move to published");
        assertThat(review.out).contains("in review, revision 2");
        assertThat(publish.out).contains("Published INC-2018-002 (revision 3)");
        assertThat(export.code).isZero();
        assertThat(Files.readString(markdown)).startsWith("# GitHub unavailable during a memcached-amplified DDoS")
                .contains("- Id: INC-2018-002", "- Status: published", "## Action items");
        assertThat(feed.out).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "https://ci.example.org/incidents/INC-2018-002").doesNotContain("INC-2018-001");
        assertThat(run("incident", "new", "--from", markdown.toString(), "--json").out)
                .contains("\"id\" : \"INC-2018-004\"");
    }

    @Test
    void shouldCreateAPostMortemFromOptionsAndWarnAboutBlame() throws Exception {
        Result created = run("incident", "new", "--title", "Leaked token", "--severity", "SEV3", "--started",
                "2026-02-01 10:00 UTC", "--detected", "2026-02-01 11:30 UTC", "--service", "payments-api",
                "--root-causes", "Human error by the on-call engineer.", "--timeline",
                "2026-02-01 10:00 UTC: Token printed in a build log", "--action",
                "Mask tokens; owner=payments; due=2026-03-01; type=prevent; tracker=https://t.example.org/SEC-1",
                "--reference", "Build log=https://ci.example.org/job/payments/41/");
        Result missing = run("incident", "edit", "INC-2026-001", "--revision", "1", "--status", "review");
        Result publish = run("incident", "publish", "INC-2026-001");
        JsonNode shown = JSON.readTree(run("incident", "show", "INC-2026-001", "--json").out);

        assertThat(created.out).contains("Created INC-2026-001 (draft, revision 1): Leaked token",
                "Blameless check (1 warnings", "\"Human error\"");
        assertThat(missing.code).isZero();
        assertThat(publish.code).isEqualTo(Main.USAGE);
        assertThat(publish.err).contains("missing: summary, impact, detection");
        assertThat(shown.get("times").get("timeToDetect").get("text").asText()).isEqualTo("1h 30m");
        assertThat(shown.get("incident").get("postMortem").get("actionItems").get(0).get("owner").asText())
                .isEqualTo("payments");
        assertThat(shown.get("blameless")).hasSize(1);
    }

    @Test
    void shouldRejectBadInputWithoutStoringAnything() {
        Result link = run("incident", "new", "--title", "x", "--severity", "SEV4", "--action",
                "Fix; tracker=javascript:alert(1)");
        Result order = run("incident", "new", "--title", "x", "--severity", "SEV4", "--started",
                "2026-02-02 10:00 UTC", "--detected", "2026-02-01 10:00 UTC");
        Result none = run("incident", "show", "INC-2026-001");

        assertThat(link.code).isEqualTo(Main.USAGE);
        assertThat(link.err).contains("http or https");
        assertThat(order.err).contains("cannot be detected (2026-02-01 10:00 UTC) before it was started");
        assertThat(none.err).contains("There is no incident INC-2026-001");
    }

    private Result importExamples() {
        List<String> args = new ArrayList<>(List.of("incident", "import"));
        try (var files = Files.list(EXAMPLES)) {
            files.filter(file -> file.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted()
                    .forEach(file -> args.add(file.toString()));
        }
        catch (java.io.IOException exception) {
            throw new java.io.UncheckedIOException(exception);
        }
        return run(args.toArray(String[]::new));
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--catalogue");
        all.add(directory.resolve("db").toString());
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
