package io.jenkins.plugins.securitycatalogue.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The blameless check: it flags blaming words with a suggestion, reads its rules from data, and warns only. */
class BlamelessCheckTest {
    private final BlamelessCheck check = BlamelessCheck.defaults();

    static List<Path> examples() {
        return Examples.files();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldFindTheExamplesBlameless(Path file) {
        assertThat(check.check(Examples.read(file).postMortem())).isEmpty();
    }

    @Test
    void shouldFlagBlamingWordsWithASuggestion() {
        PostMortem blaming = Examples.read("2018-homebrew").postMortem().toBuilder()
                .rootCauses("Human error: the engineer should have known better and was careless.")
                .timeline(List.of(new TimelineEntry(java.time.Instant.parse("2018-07-31T00:00:00Z"),
                        "Outage caused by Dave Smith")))
                .build();

        List<BlamelessWarning> warnings = check.check(blaming);

        assertThat(warnings).extracting(BlamelessWarning::where, BlamelessWarning::matched).containsExactly(
                org.assertj.core.groups.Tuple.tuple("timeline 1", "caused by Dave Smith"),
                org.assertj.core.groups.Tuple.tuple("root causes", "Human error"),
                org.assertj.core.groups.Tuple.tuple("root causes", "should have known"),
                org.assertj.core.groups.Tuple.tuple("root causes", "careless"));
        assertThat(warnings.get(1).suggestion()).contains("conditions");
        assertThat(warnings.get(1).toString()).startsWith("root causes: \"Human error\" in \"Human error: the");
    }

    @Test
    void shouldNotTakeSystemsForPeople() {
        assertThat(check.check("summary", "The outage was caused by Memcached servers and caused by GitHub."))
                .isEmpty();
        assertThat(check.check("summary", "It was Alice's mistake.")).singleElement()
                .satisfies(warning -> assertThat(warning.matched()).isEqualTo("Alice's mistake"));
    }

    @Test
    void shouldBeExtendedAndTrimmedByAUserFile(@TempDir Path directory) throws Exception {
        Path rules = Files.writeString(directory.resolve("our-words.txt"), """
                # our own rules
                rookie mistake => Describe what the system made easy to get wrong.
                !obviously
                """);

        BlamelessCheck extended = check.with(rules);

        assertThat(extended.size()).isEqualTo(check.size());
        assertThat(extended.check("summary", "A rookie mistake, obviously.")).singleElement()
                .satisfies(warning -> assertThat(warning.matched()).isEqualTo("rookie mistake"));
        assertThat(check.check("summary", "A rookie mistake, obviously.")).singleElement()
                .satisfies(warning -> assertThat(warning.matched()).isEqualTo("obviously"));
    }

    @Test
    void shouldNameTheLineOfABadRule() {
        assertThatThrownBy(() -> check.with("mine.txt", "\nno separator here\n"))
                .hasMessageContaining("mine.txt:2").hasMessageContaining("PATTERN => SUGGESTION");
        assertThatThrownBy(() -> check.with("mine.txt", "re:([ => broken"))
                .hasMessageContaining("mine.txt:1").hasMessageContaining("not a valid regular expression");
    }
}
