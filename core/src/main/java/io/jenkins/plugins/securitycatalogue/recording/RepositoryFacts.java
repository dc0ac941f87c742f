package io.jenkins.plugins.securitycatalogue.recording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What was read about a service's repository, and when. A field that is present was read (its value may be
 * {@code null}: the repository has no release, say); a field that is absent could not be read and keeps the value the
 * catalogue has.
 *
 * @param readAt when it was read
 * @param values the values read, by field
 */
public record RepositoryFacts(Instant readAt, Map<MetadataField, Value> values) {
    /** Copies the values. */
    public RepositoryFacts {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    /**
     * One value read.
     *
     * @param value the value, cleaned and bounded to its column, or {@code null} for "none"
     * @param source where it was read
     */
    public record Value(@CheckForNull String value, MetadataSource source) {
    }

    /** Returns an empty set of facts read at the time, to add values to with {@link #with}. */
    public static RepositoryFacts readAt(Instant readAt) {
        return new RepositoryFacts(readAt, Map.of());
    }

    /** Returns these facts with one more value, cleaned and bounded to its column's width. */
    public RepositoryFacts with(MetadataField field, @CheckForNull String value, MetadataSource source) {
        Map<MetadataField, Value> copy = new EnumMap<>(MetadataField.class);
        copy.putAll(values);
        String cleaned = Texts.clean(value, field.width());
        copy.put(field, new Value(field == MetadataField.DESCRIPTION ? cleaned : Texts.line(cleaned), source));
        return new RepositoryFacts(readAt, copy);
    }
}
