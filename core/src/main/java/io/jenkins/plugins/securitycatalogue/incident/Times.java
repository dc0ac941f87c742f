package io.jenkins.plugins.securitycatalogue.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing the times and durations of post-mortems. People write {@code 2018-06-28 20:20 UTC}; machines
 * write ISO 8601. Both are read; times without a zone are UTC.
 */
public final class Times {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern HUMAN = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(?:UTC|Z|GMT)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*(d|h|m|s)");

    private Times() {
    }

    /** Formats a time as {@code 2018-06-28 20:20 UTC}, with seconds only when there are some. */
    public static String format(Instant time) {
        return (time.getEpochSecond() % 60 == 0 ? MINUTES : SECONDS).format(time) + " UTC";
    }

    /**
     * Parses {@code 2018-06-28 20:20 UTC}, {@code 2018-06-28T20:20:05Z}, {@code 2018-06-28T22:20+02:00} or a day
     * ({@code 2018-06-28}, midnight UTC).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Instant parse(String text) {
        String trimmed = text.strip();
        Matcher human = HUMAN.matcher(trimmed);
        try {
            if (human.matches()) {
                String time = human.group(2).length() == 4 ? "0" + human.group(2) : human.group(2);
                return LocalDateTime.parse(human.group(1) + "T" + time).toInstant(ZoneOffset.UTC);
            }
            if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(trimmed).toInstant();
        }
        catch (DateTimeParseException exception) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 2018-06-28 20:20 UTC", exception);
        }
    }

    /** Formats a duration as {@code 2d 3h 5m}; {@code 0m} for zero. */
    public static String format(Duration duration) {
        var text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.length() == 0 ? "0m" : text.toString().strip();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(' ').append(amount).append(unit);
        }
    }

    /**
     * Parses {@code 2d 3h 5m}, {@code 90m}, {@code 3 h} or ISO 8601 ({@code PT2H30M}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Duration parseDuration(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
            catch (DateTimeParseException exception) {
                throw new IllegalArgumentException("'" + text + "' is not a duration like 2h 30m", exception);
            }
        }
        if (!trimmed.matches("(\\d+\\s*[dhms]\\s*)+")) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 2h 30m");
        }
        Duration duration = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(trimmed);
        while (part.find()) {
            duration = duration.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
        }
        return duration;
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofSeconds(1);
        };
    }
}
