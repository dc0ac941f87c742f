package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown import and export: the shipped examples, other templates' headings, round trips, hostile values. */
class MarkdownTest {
    static List<Path> examples() {
        return Examples.files();
    }

    @Test
    void shouldShipFiveExamples() {
        assertThat(Examples.files()).hasSize(5);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldImportEveryExampleCompletelyAndReadyToPublish(Path file) {
        MarkdownImport.Result result = Examples.read(file);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.status()).isEqualTo(IncidentStatus.PUBLISHED);
        assertThat(PublicationRules.missing(result.postMortem())).isEmpty();
        assertThat(result.postMortem().references()).isNotEmpty()
                .allSatisfy(reference -> assertThat(reference.url()).startsWith("https://"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldSurviveAMarkdownRoundTripUnchanged(Path file) {
        PostMortem original = Examples.read(file).postMortem();

        String exported = MarkdownExport.write(original, new IncidentId(2018, 1), IncidentStatus.DRAFT);
        MarkdownImport.Result again = MarkdownImport.read(exported);

        assertThat(again.postMortem()).isEqualTo(original);
        assertThat(again.id()).isEqualTo(new IncidentId(2018, 1));
        assertThat(again.status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(MarkdownExport.write(again.postMortem(), again.id(), again.status())).isEqualTo(exported);
    }

    @Test
    void shouldReadTheFactsOfTheGitHubDdos() {
        PostMortem ddos = Examples.read("2018-github").postMortem();

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(ddos.severity()).isEqualTo(IncidentSeverity.SEV2);
            softly.assertThat(ddos.times().started()).isEqualTo(Instant.parse("2018-02-28T17:21:00Z"));
            softly.assertThat(ddos.impact().duration()).isEqualTo(Duration.ofMinutes(9));
            softly.assertThat(ddos.impact().description()).contains("1.35 Tbps");
            softly.assertThat(ddos.timeline()).hasSize(5);
            softly.assertThat(ddos.actionItems()).hasSize(3);
            softly.assertThat(ddos.actionItems().get(1).state()).isEqualTo(ActionItem.State.IN_PROGRESS);
            softly.assertThat(ddos.security().disclosure().due()).isFalse();
            softly.assertThat(ddos.security().services()).containsExactly("github-web");
        });
    }

    @Test
    void shouldReadTheHeadingsOfOtherTemplates() {
        String sre = """
                # INC-2024-007: Expired certificate on the login service

                **Severity:** SEV-3 (minor)
                **Start time:** 2024-05-02T08:00:00Z
                **End time:** 2024-05-02 09:30 UTC

                ## Executive summary
                Logins failed for ninety minutes.

                ## Customer impact
                - Customers affected: about 1,200
                Logins failed.

                ## Timeline of events
                | Time | Event |
                |------|-------|
                | 2024-05-02 08:00 | Certificate expires |
                | 2024-05-02 08:40 | Alert fires |

                ## Root cause
                The certificate was renewed by hand.

                ## Follow-ups
                - [x] Automate renewal https://tracker.example.org/OPS-1
                - [ ] Alert 30 days before expiry

                ## Background notes
                Kept anyway.

                ## Links
                - Vendor advisory: https://vendor.example.org/advisory
                """;

        MarkdownImport.Result result = MarkdownImport.read(sre);
        PostMortem read = result.postMortem();

        assertThat(result.id()).isEqualTo(new IncidentId(2024, 7));
        assertThat(read.title()).isEqualTo("Expired certificate on the login service");
        assertThat(read.severity()).isEqualTo(IncidentSeverity.SEV3);
        assertThat(read.times().timeToResolve()).hasValue(Duration.ofMinutes(90));
        assertThat(read.impact().usersAffected()).isEqualTo(1200L);
        assertThat(read.timeline()).extracting(TimelineEntry::text).containsExactly("Certificate expires",
                "Alert fires");
        assertThat(read.actionItems()).extracting(ActionItem::state).containsExactly(ActionItem.State.DONE,
                ActionItem.State.OPEN);
        assertThat(read.actionItems().get(0).tracker()).isEqualTo("https://tracker.example.org/OPS-1");
        assertThat(read.rootCauses()).isEqualTo("The certificate was renewed by hand.");
        assertThat(read.summary()).contains("Logins failed for ninety minutes.", "Background notes",
                "Kept anyway.");
        assertThat(result.warnings()).singleElement().asString().contains("Background notes");
        assertThat(read.references()).singleElement().satisfies(reference -> {
            assertThat(reference.title()).isEqualTo("Vendor advisory");
            assertThat(reference.url()).isEqualTo("https://vendor.example.org/advisory");
        });
    }

    @Test
    void shouldNotLetATitleOrASectionInjectStructure() {
        PostMortem hostile = PostMortem.builder("Leak ## Impact [click](javascript:alert(1)) <script> | x",
                        IncidentSeverity.SEV1)
                .summary("First line\n## Root causes and contributing factors\nInjected\n\\## escaped already")
                .actionItems(List.of(new ActionItem("Fix | the table *now*", "team|a", ActionItem.Type.PREVENT,
                        ActionItem.Priority.P1, null, ActionItem.State.OPEN, null)))
                .build();

        String markdown = MarkdownExport.write(hostile, null, null);
        PostMortem again = MarkdownImport.read(markdown).postMortem();

        assertThat(markdown).startsWith("# Leak \\#\\# Impact \\[click\\](javascript:alert(1)) \\<script\\> \\| x\n")
                .contains("\n\\## Root causes").doesNotContain("\n## Root causes").contains("Fix \\| the table");
        assertThat(again).isEqualTo(hostile);
        assertThat(again.rootCauses()).isNull();
    }

    @Test
    void shouldSayWhatIsWrongWithAnImport() {
        assertThatThrownBy(() -> MarkdownImport.read("no title here")).hasMessageContaining("needs a title");
        assertThatThrownBy(() -> MarkdownImport.read("# T\n- Severity: SEV9\n"))
                .hasMessageContaining("Severity 'SEV9' is not valid");
        assertThatThrownBy(() -> MarkdownImport.read("# T\n- Started: 2024-01-02 10:00 UTC\n"
                + "- Detected: 2024-01-01 10:00 UTC\n")).hasMessageContaining("cannot be detected");
        assertThat(MarkdownImport.read("# T\n").warnings()).containsExactly("No severity was given; SEV3 was assumed");
    }
}
