package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of durations summarised without hiding their spread: incident durations are heavily skewed, so a mean
 * alone misleads. The median and the range come first; every value is kept for a per-incident view.
 *
 * @param values the durations, shortest first
 */
public record Distribution(List<Duration> values) {
    /** Sorts and copies the values. */
    public Distribution {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        values = List.copyOf(sorted);
    }

    /** Returns how many durations there are. */
    public int count() {
        return values.size();
    }

    /** Returns the median (the mean of the two middle values for an even count), or {@code null} if empty. */
    @CheckForNull
    public Duration median() {
        if (values.isEmpty()) {
            return null;
        }
        int middle = values.size() / 2;
        if (values.size() % 2 == 1) {
            return values.get(middle);
        }
        return values.get(middle - 1).plus(values.get(middle)).dividedBy(2);
    }

    /** Returns the shortest duration, or {@code null} if empty. */
    @CheckForNull
    public Duration min() {
        return values.isEmpty() ? null : values.get(0);
    }

    /** Returns the longest duration, or {@code null} if empty. */
    @CheckForNull
    public Duration max() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Returns the mean, shown only beside the median, or {@code null} if empty. */
    @CheckForNull
    public Duration mean() {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(values.size());
    }

    /** Returns {@code median 2h (min 5m, max 3d, n=4)}, or {@code no data}. */
    public String describe() {
        if (values.isEmpty()) {
            return "no data";
        }
        return "median " + Times.format(median()) + " (min " + Times.format(min()) + ", max " + Times.format(max())
                + ", n=" + count() + ")";
    }
}
