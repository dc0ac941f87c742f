package io.jenkins.plugins.securitycatalogue.store;

import java.time.Duration;

/**
 * How long the catalogue waits for a database that is down or unreachable: each attempt waits up to
 * {@code timeout} for a connection, and between attempts the pause doubles from {@code firstPause}. After
 * {@code attempts} failures the operation fails with a message naming the database (never its password).
 *
 * @param attempts how many times a connection is tried, at least 1
 * @param timeout how long one attempt waits for a connection, at least 250 ms
 * @param firstPause the pause after the first failed attempt; later pauses double
 */
public record ConnectRetry(int attempts, Duration timeout, Duration firstPause) {
    /** Validates the settings. */
    public ConnectRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("At least one connection attempt is needed, got " + attempts);
        }
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("A connection timeout under 250 ms is not supported, got " + timeout);
        }
        if (firstPause.isNegative()) {
            throw new IllegalArgumentException("The pause between attempts cannot be negative, got " + firstPause);
        }
    }

    /** Returns the default: 4 attempts of 5 s each, pausing 1, 2 and 4 s between them (at most about 27 s). */
    public static ConnectRetry defaults() {
        return new ConnectRetry(4, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** Returns the pause after the given failed attempt (1-based). */
    Duration pauseAfter(int attempt) {
        return firstPause.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
