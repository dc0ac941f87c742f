package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.time.Duration;

/**
 * What the incident did to users, systems and data, with numbers where they are known.
 *
 * @param description the narrative: who noticed what, which functions failed, what was exposed
 * @param usersAffected how many users or customers were affected
 * @param systemsAffected how many systems or services were affected
 * @param dataExposed what data was exposed, or {@code none}
 * @param duration how long users were affected, if it differs from started to mitigated
 */
public record Impact(@CheckForNull String description, @CheckForNull Long usersAffected,
        @CheckForNull Integer systemsAffected, @CheckForNull String dataExposed, @CheckForNull Duration duration) {
    /** Nothing known about the impact yet. */
    public static final Impact NONE = new Impact(null, null, null, null, null);

    /**
     * Cleans the texts and checks the numbers.
     *
     * @throws IllegalArgumentException if a number or the duration is negative
     */
    public Impact {
        description = Texts.clean(description, PostMortem.MAX_SECTION);
        dataExposed = Texts.line(dataExposed);
        if (usersAffected != null && usersAffected < 0) {
            throw new IllegalArgumentException("Users affected cannot be negative: " + usersAffected);
        }
        if (systemsAffected != null && systemsAffected < 0) {
            throw new IllegalArgumentException("Systems affected cannot be negative: " + systemsAffected);
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("The impact's duration cannot be negative: " + duration);
        }
    }

    /** Returns whether nothing at all is known. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
