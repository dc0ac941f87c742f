package io.jenkins.plugins.securitycatalogue.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.ReportLog;
import io.jenkins.plugins.securitycatalogue.posture.SeverityCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Text tables and JSON for the commands. */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(ReportLog.class, new ReportLogSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Output() {
    }

    /** Prints the value as indented JSON. */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        }
        catch (JsonProcessingException exception) {
            throw new IllegalStateException("Cannot write JSON: " + exception.getOriginalMessage(), exception);
        }
    }

    /** Prints rows as a table with a header, each column as wide as its widest cell. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : all) {
            var line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < widths.length - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Formats a time as UTC minutes, or a dash. */
    static String time(@CheckForNull Instant instant) {
        return instant == null ? "-" : DAY.format(instant);
    }

    /** Formats a possibly missing text. */
    static String text(@CheckForNull String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Formats counts as {@code 1 critical, 2 high, ...}, leaving out zeros. */
    static String counts(SeverityCounts counts) {
        List<String> parts = new ArrayList<>();
        counts.asMap().forEach((severity, count) -> {
            if (count > 0) {
                parts.add(count + " " + severity);
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Writes a log as its list of messages ({@code level}, {@code text}); the log has no bean properties. */
    private static final class ReportLogSerializer extends JsonSerializer<ReportLog> {
        @Override
        public void serialize(ReportLog log, JsonGenerator json, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(log.messages(), json);
        }
    }
}
