package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A follow-up action of a post-mortem. Follow-ups fail without a named owner, a due date and a home in the real
 * tracker, so those are recorded; a published post-mortem needs an owner and a due date on every item.
 *
 * @param description what will be done, verifiably
 * @param owner the team or person who owns it, or {@code null} while undecided
 * @param type what the action is for
 * @param priority how urgent it is
 * @param due when it is due, or {@code null} while undecided
 * @param state where it stands
 * @param tracker the http or https link to the item in the team's tracker
 */
public record ActionItem(String description, @CheckForNull String owner, Type type, Priority priority,
        @CheckForNull LocalDate due, State state, @CheckForNull String tracker) {
    /**
     * Cleans the texts and validates the tracker link.
     *
     * @throws IllegalArgumentException if the description is blank or the link is not http or https
     */
    public ActionItem {
        String cleaned = Texts.clean(description, TimelineEntry.MAX_TEXT);
        if (cleaned == null) {
            throw new IllegalArgumentException("An action item needs a description");
        }
        description = cleaned.replaceAll("\\s+", " ");
        owner = Texts.line(owner);
        if (owner != null && owner.length() > 200) {
            throw new IllegalArgumentException("Action item owner is longer than 200 characters: " + owner);
        }
        if (tracker != null) {
            String given = tracker;
            tracker = Texts.httpUrl(tracker).orElseThrow(() -> new IllegalArgumentException(
                    "Action item tracker link must be an absolute http or https URL, got '" + given + "'"));
        }
    }

    /** Returns an open item with only a description, of medium priority, meant to prevent a recurrence. */
    public static ActionItem of(String description) {
        return new ActionItem(description, null, Type.PREVENT, Priority.P2, null, State.OPEN, null);
    }

    /** Returns whether the item is still to be done and its due date has passed. */
    public boolean isOverdue(LocalDate today) {
        return state.isPending() && due != null && due.isBefore(today);
    }

    /** What an action is for (the types of the Google SRE book's template, plus detection). */
    public enum Type {
        /** Keeps the incident from happening again. */
        PREVENT,
        /** Finds it sooner next time. */
        DETECT,
        /** Makes its harm smaller or shorter next time. */
        MITIGATE,
        /** Changes how people work: reviews, runbooks, training, ownership. */
        PROCESS;

        /** Parses a type, ignoring case. */
        public static Type parse(String text) {
            return Enums.parse(Type.class, text, "action item type", "prevent, detect, mitigate or process");
        }
    }

    /** How urgent an action is: P1 within days, P2 within weeks, P3 when convenient. */
    public enum Priority {
        /** Do now: the risk is open until it is done. */
        P1,
        /** Do within weeks. */
        P2,
        /** Do when convenient. */
        P3;

        /** Parses a priority: {@code P1}, {@code 1}, {@code high}, {@code medium}, {@code low}. */
        public static Priority parse(String text) {
            String normalised = text.strip().toUpperCase(Locale.ROOT);
            return switch (normalised) {
                case "1", "HIGH" -> P1;
                case "2", "MEDIUM" -> P2;
                case "3", "LOW" -> P3;
                default -> Enums.parse(Priority.class, normalised, "action item priority", "P1, P2 or P3");
            };
        }
    }

    /** Where an action stands. */
    public enum State {
        /** Not started. */
        OPEN,
        /** Being worked on. */
        IN_PROGRESS,
        /** Finished. */
        DONE,
        /** Deliberately not done; the post-mortem should say why. */
        WONT_DO;

        /** Returns whether the action is still to be done. */
        public boolean isPending() {
            return this == OPEN || this == IN_PROGRESS;
        }

        /** Parses a state: {@code open}, {@code in progress}, {@code done}, {@code won't do}. */
        public static State parse(String text) {
            return Enums.parse(State.class, text.replace("'", ""), "action item state",
                    "open, in progress, done or wont do");
        }
    }
}
