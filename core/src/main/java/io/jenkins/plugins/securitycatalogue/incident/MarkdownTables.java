package io.jenkins.plugins.securitycatalogue.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading the pipe tables of Markdown: cells split at unescaped pipes, separator rows recognised. */
final class MarkdownTables {
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|?)+\\s*$");
    private static final Set<String> KEY_HEADERS = Set.of("field", "key", "name", "property", "attribute");

    private MarkdownTables() {
    }

    /** Returns the cells of a table row, still escaped, trimmed; outer pipes are optional. */
    static List<String> cells(String row) {
        String line = row.strip();
        if (line.startsWith("|")) {
            line = line.substring(1);
        }
        if (line.endsWith("|") && !line.endsWith("\\|")) {
            line = line.substring(0, line.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        var cell = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cell.append(c).append(line.charAt(++i));
            }
            else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** Returns whether the line is a table's separator row. */
    static boolean isSeparator(String line) {
        return SEPARATOR.matcher(line).matches();
    }

    /** Returns whether the line is a separator row or the header row of a key-value table. */
    static boolean isSeparatorOrHeader(String line) {
        if (isSeparator(line)) {
            return true;
        }
        return line.strip().startsWith("|")
                && KEY_HEADERS.contains(cells(line).get(0).replace("*", "").toLowerCase(Locale.ROOT));
    }
}
