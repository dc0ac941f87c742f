package io.jenkins.plugins.securitycatalogue.github;

import java.time.Duration;

/** Waits; tests replace it so that they need not wait for a rate limit to reset. */
@FunctionalInterface
interface Sleeper {
    /** The real one. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;
}
