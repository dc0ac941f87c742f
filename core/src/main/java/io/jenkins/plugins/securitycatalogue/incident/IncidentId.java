package io.jenkins.plugins.securitycatalogue.incident;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incident's id that people can say aloud and type: {@code INC-2026-014}, the year and that year's sequence
 * number. The store allocates the numbers, so they never collide.
 *
 * @param year the year, from 1970 to 9999
 * @param number the sequence number within the year, from 1
 */
public record IncidentId(int year, int number) implements Comparable<IncidentId> {
    private static final Pattern FORMAT = Pattern.compile("(?i)INC-(\\d{4})-(\\d{1,6})");

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if the year or number is out of range
     */
    public IncidentId {
        if (year < 1970 || year > 9999) {
            throw new IllegalArgumentException("Incident year " + year + " is out of range 1970-9999");
        }
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("Incident number " + number + " is out of range 1-999999");
        }
    }

    /**
     * Parses {@code INC-2026-014} (case does not matter).
     *
     * @throws IllegalArgumentException if the text is not an incident id
     */
    public static IncidentId parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an incident id like INC-2026-014");
        }
        return new IncidentId(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public int compareTo(IncidentId other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("INC-%04d-%03d", year, number);
    }
}
