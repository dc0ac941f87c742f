package io.jenkins.plugins.securitycatalogue.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Which column of an action-item table holds what, found from the header row's names. */
final class ActionColumns {
    private final int description;
    private final int owner;
    private final int type;
    private final int priority;
    private final int due;
    private final int state;
    private final int tracker;

    private ActionColumns(List<String> headers) {
        description = Math.max(0, find(headers, "description", "action", "item", "task", "what"));
        owner = find(headers, "owner", "who", "assignee", "team");
        type = find(headers, "type", "kind", "category");
        priority = find(headers, "priority", "prio");
        due = find(headers, "due", "deadline", "date");
        state = find(headers, "state", "status");
        tracker = find(headers, "tracker", "ticket", "bug", "issue", "link");
    }

    static ActionColumns of(List<String> headers) {
        return new ActionColumns(headers);
    }

    private static int find(List<String> headers, String... names) {
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).replace("*", "").toLowerCase(Locale.ROOT);
            for (String name : names) {
                if (header.startsWith(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Reads one row; values it cannot read get defaults and a warning. */
    ActionItem item(List<String> cells, List<String> warnings) {
        String text = MarkdownText.unescapeInline(cell(cells, description));
        ActionItem.Type kind = parse(cells, type, ActionItem.Type.PREVENT, ActionItem.Type::parse, warnings);
        ActionItem.Priority level = parse(cells, priority, ActionItem.Priority.P2, ActionItem.Priority::parse,
                warnings);
        ActionItem.State where = parse(cells, state, ActionItem.State.OPEN, ActionItem.State::parse, warnings);
        LocalDate date = parse(cells, due, null, LocalDate::parse, warnings);
        String owned = MarkdownText.unescapeInline(cell(cells, owner));
        String link = MarkdownBody.firstUrl(cell(cells, tracker));
        return new ActionItem(text, owned.isBlank() ? null : owned, kind, level, date, where, link);
    }

    private static String cell(List<String> cells, int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    private static <T> T parse(List<String> cells, int column, T fallback, Parser<T> parser,
            List<String> warnings) {
        String value = MarkdownText.unescapeInline(cell(cells, column)).strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse(value);
        }
        catch (IllegalArgumentException | DateTimeParseException exception) {
            warnings.add("Action item value '" + value + "' was not understood: " + exception.getMessage());
            return fallback;
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
