package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post-mortem written in Markdown with the usual headings (Summary, Impact, Timeline, Root causes, Action
 * items, ... and their common variants), as {@link MarkdownExport} writes it or as people write them in wikis.
 * Nothing is dropped silently: text it cannot place goes into the summary with a warning.
 */
public final class MarkdownImport {
    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{2,4}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
    private static final Pattern ID_PREFIX = Pattern.compile("^(INC-\\d{4}-\\d{1,6})\\s*[:\\-–—]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:[-*+]\\s+)?\\*{0,2}([A-Za-z][A-Za-z ]{0,30}?)\\s*(?::\\*{0,2}|\\*{0,2}:)\\s*(.*?)\\s*$");

    private MarkdownImport() {
    }

    /**
     * Reads the Markdown.
     *
     * @throws IllegalArgumentException if there is no title, or a value breaks a rule of the model (times out of
     *         order, a link that is not http or https); the message says which
     */
    public static Result read(String markdown) {
        return new Reader(markdown.replace("\r\n", "\n").replace('\r', '\n')).read();
    }

    /**
     * What was read.
     *
     * @param postMortem the post-mortem
     * @param id the id written in the document, or {@code null}
     * @param status the status written in the document, or {@code null}
     * @param warnings what could not be understood, and where it went
     */
    public record Result(PostMortem postMortem, @CheckForNull IncidentId id, @CheckForNull IncidentStatus status,
            List<String> warnings) {
        /** Copies the warnings. */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** The state of one reading. */
    private static final class Reader {
        private final String[] lines;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, StringBuilder> sections = new LinkedHashMap<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String title;

        Reader(String markdown) {
            this.lines = markdown.split("\n", -1);
        }

        Result read() {
            split();
            if (title == null) {
                throw new IllegalArgumentException("A post-mortem in Markdown needs a title: a first line '# Title'");
            }
            readFields(text("preamble"), true);
            readFields(text(MarkdownSections.DETAILS), false);
            IncidentId id = idFromTitle();
            PostMortem.Builder builder = PostMortem.builder(title, severity());
            builder.times(MarkdownFields.times(fields));
            builder.security(MarkdownFields.security(fields));
            sectionsInto(builder);
            return new Result(builder.build(), id == null ? MarkdownFields.id(fields) : id,
                    MarkdownFields.status(fields), warnings);
        }

        private void split() {
            String current = "preamble";
            boolean fenced = false;
            for (String line : lines) {
                if (FENCE.matcher(line).matches()) {
                    fenced = !fenced;
                }
                Matcher heading = HEADING.matcher(line);
                Matcher h1 = TITLE.matcher(line);
                if (!fenced && title == null && h1.matches()) {
                    title = MarkdownText.unescapeInline(h1.group(1));
                }
                else if (!fenced && heading.matches()) {
                    current = section(MarkdownText.unescapeInline(heading.group(1)));
                }
                else {
                    sections.computeIfAbsent(current, key -> new StringBuilder()).append(line).append('\n');
                }
            }
        }

        private String section(String heading) {
            Optional<String> known = MarkdownSections.of(heading);
            if (known.isPresent()) {
                return known.get();
            }
            warnings.add("The section '" + heading + "' is not one of a post-mortem's; its text was kept in the "
                    + "summary");
            sections.computeIfAbsent(MarkdownSections.SUMMARY, key -> new StringBuilder())
                    .append("\n**").append(MarkdownText.inline(heading)).append("**\n\n");
            return MarkdownSections.SUMMARY;
        }

        @CheckForNull
        private String text(String section) {
            StringBuilder text = sections.get(section);
            if (text == null || text.toString().isBlank()) {
                return null;
            }
            return MarkdownText.unescapeBlock(text.toString()).strip();
        }

        private void readFields(@CheckForNull String text, boolean rest) {
            if (text == null) {
                return;
            }
            var unplaced = new StringBuilder();
            for (String line : text.split("\n")) {
                Matcher field = FIELD.matcher(line.startsWith("|") ? tableField(line) : line);
                if (field.matches() && MarkdownFields.isKnown(field.group(1))) {
                    fields.put(field.group(1).strip().toLowerCase(Locale.ROOT),
                            MarkdownText.unescapeInline(field.group(2)));
                }
                else if (!line.isBlank() && !MarkdownTables.isSeparatorOrHeader(line)) {
                    unplaced.append(line).append('\n');
                }
            }
            if (rest && !unplaced.toString().isBlank()) {
                warnings.add("Text before the first section was kept in the summary");
                StringBuilder summary = sections.computeIfAbsent(MarkdownSections.SUMMARY,
                        key -> new StringBuilder());
                summary.insert(0, unplaced.append('\n'));
            }
        }

        private static String tableField(String line) {
            List<String> cells = MarkdownTables.cells(line);
            return cells.size() >= 2 ? cells.get(0) + ": " + cells.get(1) : line;
        }

        @CheckForNull
        private IncidentId idFromTitle() {
            Matcher prefix = ID_PREFIX.matcher(title);
            if (!prefix.matches()) {
                return null;
            }
            title = prefix.group(2);
            return IncidentId.parse(prefix.group(1));
        }

        private IncidentSeverity severity() {
            String given = fields.get("severity");
            if (given == null) {
                warnings.add("No severity was given; SEV3 was assumed");
                return IncidentSeverity.SEV3;
            }
            Matcher level = Pattern.compile("(?i)sev\\s*-?\\s*([1-4])|^\\s*([1-4])\\b").matcher(given);
            if (!level.find()) {
                throw new IllegalArgumentException("Severity '" + given + "' is not valid: use SEV1, SEV2, SEV3 "
                        + "or SEV4");
            }
            return IncidentSeverity.parse(level.group(1) == null ? level.group(2) : level.group(1));
        }

        private void sectionsInto(PostMortem.Builder builder) {
            builder.summary(text(MarkdownSections.SUMMARY))
                    .impact(MarkdownBody.impact(text(MarkdownSections.IMPACT)))
                    .timeline(MarkdownBody.timeline(text(MarkdownSections.TIMELINE), warnings))
                    .detection(text(MarkdownSections.DETECTION))
                    .response(text(MarkdownSections.RESPONSE))
                    .rootCauses(text(MarkdownSections.ROOT_CAUSES))
                    .trigger(text(MarkdownSections.TRIGGER))
                    .wentWell(text(MarkdownSections.WENT_WELL))
                    .wentBadly(text(MarkdownSections.WENT_BADLY))
                    .gotLucky(text(MarkdownSections.GOT_LUCKY))
                    .actionItems(MarkdownBody.actions(text(MarkdownSections.ACTION_ITEMS), warnings))
                    .lessons(text(MarkdownSections.LESSONS))
                    .references(MarkdownBody.references(text(MarkdownSections.REFERENCES), warnings));
        }
    }

    /** Returns the time of a field value, or {@code null}. */
    @CheckForNull
    static Instant time(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : Times.parse(value);
    }
}
