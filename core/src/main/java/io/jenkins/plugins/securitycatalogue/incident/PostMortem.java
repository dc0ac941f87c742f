package io.jenkins.plugins.securitycatalogue.incident;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * The blameless written record of an incident: what happened, its impact, what was done, why it happened and what
 * will keep it from happening again. It is the part people edit; {@link Incident} adds the id and the lifecycle.
 * Any section may be empty while it is a draft; {@link PublicationRules} says which must be filled to publish.
 *
 * @param title a one-line title
 * @param severity the severity
 * @param times when it started, was detected, mitigated and resolved
 * @param summary a few sentences on what happened
 * @param impact the impact on users, systems and data
 * @param timeline the timeline, oldest first
 * @param detection how it was found and how it could have been found sooner
 * @param response the response and recovery: what was done to mitigate and resolve
 * @param rootCauses the root causes and contributing factors
 * @param trigger what set the incident off
 * @param wentWell what went well
 * @param wentBadly what went badly
 * @param gotLucky where we got lucky
 * @param actionItems the follow-up actions
 * @param lessons the lessons learned
 * @param references sources and further reading
 * @param security vulnerabilities, affected services, builds and disclosure
 */
public record PostMortem(String title, IncidentSeverity severity, IncidentTimes times, @CheckForNull String summary,
        Impact impact, List<TimelineEntry> timeline, @CheckForNull String detection, @CheckForNull String response,
        @CheckForNull String rootCauses, @CheckForNull String trigger, @CheckForNull String wentWell,
        @CheckForNull String wentBadly, @CheckForNull String gotLucky, List<ActionItem> actionItems,
        @CheckForNull String lessons, List<Reference> references, SecurityDetails security) {
    /** The longest section kept, in characters; the database column is as wide. */
    public static final int MAX_SECTION = 100_000;

    /**
     * Cleans the texts and checks the title and the order of the timeline.
     *
     * @throws IllegalArgumentException if the title is blank or too long, or the timeline is out of order
     */
    public PostMortem {
        title = checkedTitle(title);
        summary = section(summary);
        detection = section(detection);
        response = section(response);
        rootCauses = section(rootCauses);
        trigger = section(trigger);
        wentWell = section(wentWell);
        wentBadly = section(wentBadly);
        gotLucky = section(gotLucky);
        lessons = section(lessons);
        timeline = List.copyOf(timeline);
        actionItems = List.copyOf(actionItems);
        references = List.copyOf(references);
        checkOrder(timeline);
    }

    /** Returns a builder of a post-mortem with only a title and a severity. */
    public static Builder builder(String title, IncidentSeverity severity) {
        return new Builder(title, severity);
    }

    /** Returns a builder that starts from this post-mortem, for edits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String checkedTitle(String title) {
        String cleaned = Texts.line(title);
        if (cleaned == null) {
            throw new IllegalArgumentException("A post-mortem needs a title");
        }
        if (cleaned.length() > 300) {
            throw new IllegalArgumentException("The title is longer than 300 characters: " + cleaned);
        }
        return cleaned;
    }

    @CheckForNull
    private static String section(@CheckForNull String text) {
        return Texts.clean(text, MAX_SECTION);
    }

    private static void checkOrder(List<TimelineEntry> timeline) {
        for (int i = 1; i < timeline.size(); i++) {
            TimelineEntry previous = timeline.get(i - 1);
            TimelineEntry entry = timeline.get(i);
            if (entry.at().isBefore(previous.at())) {
                throw new IllegalArgumentException("Timeline entries must be in time order: entry " + (i + 1)
                        + " (" + Times.format(entry.at()) + ", " + entry.text() + ") comes before entry " + i
                        + " (" + Times.format(previous.at()) + ")");
            }
        }
    }

    /** Builds a post-mortem field by field; {@link #build()} validates. */
    public static final class Builder {
        private String title;
        private IncidentSeverity severity;
        private IncidentTimes times = IncidentTimes.UNKNOWN;
        private String summary;
        private Impact impact = Impact.NONE;
        private List<TimelineEntry> timeline = new ArrayList<>();
        private String detection;
        private String response;
        private String rootCauses;
        private String trigger;
        private String wentWell;
        private String wentBadly;
        private String gotLucky;
        private List<ActionItem> actionItems = new ArrayList<>();
        private String lessons;
        private List<Reference> references = new ArrayList<>();
        private SecurityDetails security = SecurityDetails.NONE;

        private Builder(String title, IncidentSeverity severity) {
            this.title = title;
            this.severity = severity;
        }

        private Builder(PostMortem from) {
            this(from.title, from.severity);
            times = from.times;
            summary = from.summary;
            impact = from.impact;
            timeline = new ArrayList<>(from.timeline);
            detection = from.detection;
            response = from.response;
            rootCauses = from.rootCauses;
            trigger = from.trigger;
            wentWell = from.wentWell;
            wentBadly = from.wentBadly;
            gotLucky = from.gotLucky;
            actionItems = new ArrayList<>(from.actionItems);
            lessons = from.lessons;
            references = new ArrayList<>(from.references);
            security = from.security;
        }

        /** Sets the title. */
        public Builder title(String value) {
            title = value;
            return this;
        }

        /** Sets the severity. */
        public Builder severity(IncidentSeverity value) {
            severity = value;
            return this;
        }

        /** Sets the times. */
        public Builder times(IncidentTimes value) {
            times = value;
            return this;
        }

        /** Sets the summary. */
        public Builder summary(@CheckForNull String value) {
            summary = value;
            return this;
        }

        /** Sets the impact. */
        public Builder impact(Impact value) {
            impact = value;
            return this;
        }

        /** Replaces the timeline. */
        public Builder timeline(List<TimelineEntry> value) {
            timeline = new ArrayList<>(value);
            return this;
        }

        /** Sets how it was detected. */
        public Builder detection(@CheckForNull String value) {
            detection = value;
            return this;
        }

        /** Sets the response and recovery. */
        public Builder response(@CheckForNull String value) {
            response = value;
            return this;
        }

        /** Sets the root causes and contributing factors. */
        public Builder rootCauses(@CheckForNull String value) {
            rootCauses = value;
            return this;
        }

        /** Sets the trigger. */
        public Builder trigger(@CheckForNull String value) {
            trigger = value;
            return this;
        }

        /** Sets what went well. */
        public Builder wentWell(@CheckForNull String value) {
            wentWell = value;
            return this;
        }

        /** Sets what went badly. */
        public Builder wentBadly(@CheckForNull String value) {
            wentBadly = value;
            return this;
        }

        /** Sets where we got lucky. */
        public Builder gotLucky(@CheckForNull String value) {
            gotLucky = value;
            return this;
        }

        /** Replaces the action items. */
        public Builder actionItems(List<ActionItem> value) {
            actionItems = new ArrayList<>(value);
            return this;
        }

        /** Sets the lessons learned. */
        public Builder lessons(@CheckForNull String value) {
            lessons = value;
            return this;
        }

        /** Replaces the references. */
        public Builder references(List<Reference> value) {
            references = new ArrayList<>(value);
            return this;
        }

        /** Sets the security details. */
        public Builder security(SecurityDetails value) {
            security = value;
            return this;
        }

        /**
         * Returns the post-mortem.
         *
         * @throws IllegalArgumentException if a value is not valid
         */
        public PostMortem build() {
            return new PostMortem(title, severity, times, summary, impact, timeline, detection, response,
                    rootCauses, trigger, wentWell, wentBadly, gotLucky, actionItems, lessons, references, security);
        }
    }
}
