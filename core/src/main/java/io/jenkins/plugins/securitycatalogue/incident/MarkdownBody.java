package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the structured sections of a post-mortem in Markdown: impact numbers, timeline, action items, links. */
final class MarkdownBody {
    private static final Pattern IMPACT_FIELD = Pattern.compile("(?i)^\\s*[-*+]\\s+\\*{0,2}(users affected|"
            + "customers affected|systems affected|services affected|data exposed|duration)\\s*:?\\*{0,2}:?\\s*(.+)$");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");
    private static final Pattern ENTRY = Pattern.compile("^\\s*[-*+]\\s+\\*{0,2}(\\d{4}-\\d{2}-\\d{2})?[ T]?"
            + "(\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:UTC|Z|GMT)?\\*{0,2}\\s*[-–—:|]?\\s*(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(?:\\[([ xX])]\\s+)?(.+)$");
    private static final Pattern LINK = Pattern.compile("\\[(.*?)]\\(<?(https?://[^)\\s>]+)>?\\)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>)\\]]+");

    private MarkdownBody() {
    }

    /** Reads the impact: {@code - Users affected: 120} lines and the narrative around them. */
    static Impact impact(@CheckForNull String text) {
        if (text == null) {
            return Impact.NONE;
        }
        Long users = null;
        Integer systems = null;
        String data = null;
        Duration duration = null;
        var narrative = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher field = IMPACT_FIELD.matcher(line);
            String value = field.matches() ? MarkdownText.unescapeInline(field.group(2)).strip() : null;
            String key = field.matches() ? field.group(1).toLowerCase(Locale.ROOT) : "";
            if (key.endsWith("affected") && key.startsWith("s") && number(value) != null) {
                systems = number(value).intValue();
            }
            else if (key.endsWith("affected") && number(value) != null) {
                users = number(value);
            }
            else if ("data exposed".equals(key)) {
                data = value;
            }
            else if ("duration".equals(key) && duration(value) != null) {
                duration = duration(value);
            }
            else {
                narrative.append(line).append('\n');
            }
        }
        return new Impact(narrative.toString().strip(), users, systems, data, duration);
    }

    @CheckForNull
    private static Long number(@CheckForNull String value) {
        Matcher number = value == null ? null : NUMBER.matcher(value);
        return number != null && number.find() ? Long.valueOf(number.group().replace(",", "")) : null;
    }

    @CheckForNull
    private static Duration duration(@CheckForNull String value) {
        try {
            return value == null ? null : Times.parseDuration(value);
        }
        catch (IllegalArgumentException exception) {
            return null;
        }
    }

    /**
     * Reads timeline entries: {@code - 2018-06-28 20:20 UTC: text}, a time alone after an entry with a date, or a
     * table row with the time in its first cell. Indented lines continue the entry above.
     */
    static List<TimelineEntry> timeline(@CheckForNull String text, List<String> warnings) {
        List<TimelineEntry> timeline = new ArrayList<>();
        if (text == null) {
            return timeline;
        }
        LocalDate day = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip().startsWith("|") ? tableEntry(raw) : raw;
            Matcher entry = ENTRY.matcher(line);
            if (line.isBlank() || MarkdownTables.isSeparator(raw)) {
                continue;
            }
            if (entry.matches() && (entry.group(1) != null || entry.group(2) != null && day != null)) {
                day = entry.group(1) == null ? day : LocalDate.parse(entry.group(1));
                timeline.add(new TimelineEntry(at(day, entry.group(2)),
                        MarkdownText.unescapeInline(entry.group(3))));
            }
            else if (!timeline.isEmpty() && !line.strip().startsWith("-")) {
                TimelineEntry last = timeline.remove(timeline.size() - 1);
                timeline.add(new TimelineEntry(last.at(), last.text() + " " + MarkdownText.unescapeInline(line)));
            }
            else {
                warnings.add("The timeline line '" + line.strip() + "' has no date and time; it was left out");
            }
        }
        return timeline;
    }

    private static String tableEntry(String row) {
        List<String> cells = MarkdownTables.cells(row);
        if (cells.size() < 2 || !cells.get(0).matches(".*\\d.*")) {
            return "";
        }
        return "- " + cells.get(0) + ": " + String.join(" ", cells.subList(1, cells.size()));
    }

    private static Instant at(LocalDate day, @CheckForNull String time) {
        try {
            return time == null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : Times.parse(day + " " + time);
        }
        catch (DateTimeParseException exception) {
            throw new IllegalArgumentException("'" + day + " " + time + "' is not a valid time", exception);
        }
    }

    /** Reads action items from a table (columns found by their headers) or from bullets. */
    static List<ActionItem> actions(@CheckForNull String text, List<String> warnings) {
        List<ActionItem> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        ActionColumns columns = null;
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("|")) {
                if (columns == null) {
                    columns = ActionColumns.of(MarkdownTables.cells(line));
                }
                else if (!MarkdownTables.isSeparator(line)) {
                    items.add(columns.item(MarkdownTables.cells(line), warnings));
                }
            }
            else {
                bullet(line).ifPresent(items::add);
            }
        }
        return items;
    }

    private static java.util.Optional<ActionItem> bullet(String line) {
        Matcher bullet = BULLET.matcher(line);
        if (!bullet.matches()) {
            return java.util.Optional.empty();
        }
        boolean done = bullet.group(1) != null && !bullet.group(1).isBlank();
        ActionItem item = ActionItem.of(MarkdownText.unescapeInline(bullet.group(2)));
        return java.util.Optional.of(new ActionItem(item.description(), null, item.type(), item.priority(), null,
                done ? ActionItem.State.DONE : ActionItem.State.OPEN, firstUrl(bullet.group(2))));
    }

    @CheckForNull
    static String firstUrl(String text) {
        Matcher url = URL.matcher(text);
        return url.find() ? url.group() : null;
    }

    /** Reads links: {@code - [title](url)}, {@code - title: url} or a bare URL. */
    static List<Reference> references(@CheckForNull String text, List<String> warnings) {
        List<Reference> references = new ArrayList<>();
        if (text == null) {
            return references;
        }
        for (String line : text.split("\n")) {
            Matcher link = LINK.matcher(line);
            String url = firstUrl(line);
            if (link.find()) {
                references.add(new Reference(MarkdownText.unescapeInline(link.group(1)), link.group(2)));
            }
            else if (url != null) {
                String title = line.replace(url, "").replaceAll("^\\s*[-*+]\\s*", "").replaceAll("[\\s:<>-]+$", "");
                references.add(new Reference(MarkdownText.unescapeInline(title), url));
            }
            else if (!line.isBlank()) {
                warnings.add("The reference '" + line.strip() + "' has no http or https link; it was left out");
            }
        }
        return references;
    }
}
