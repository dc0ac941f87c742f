package io.jenkins.plugins.securitycatalogue.incident;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headings of a post-mortem in Markdown: the ones the export writes, and the variants of the usual templates
 * (Google SRE book, PagerDuty, Atlassian) that the import understands.
 */
final class MarkdownSections {
    static final String SUMMARY = "Summary";
    static final String IMPACT = "Impact";
    static final String TIMELINE = "Timeline";
    static final String DETECTION = "Detection";
    static final String RESPONSE = "Response and recovery";
    static final String ROOT_CAUSES = "Root causes and contributing factors";
    static final String TRIGGER = "Trigger";
    static final String WENT_WELL = "What went well";
    static final String WENT_BADLY = "What went badly";
    static final String GOT_LUCKY = "Where we got lucky";
    static final String ACTION_ITEMS = "Action items";
    static final String LESSONS = "Lessons learned";
    static final String REFERENCES = "References";
    static final String DETAILS = "Details";

    private static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("summary", SUMMARY), Map.entry("incident summary", SUMMARY),
            Map.entry("executive summary", SUMMARY), Map.entry("overview", SUMMARY), Map.entry("tldr", SUMMARY),
            Map.entry("what happened", SUMMARY), Map.entry("background", SUMMARY), Map.entry("leadup", SUMMARY),
            Map.entry("description", SUMMARY),
            Map.entry("impact", IMPACT), Map.entry("customer impact", IMPACT), Map.entry("user impact", IMPACT),
            Map.entry("business impact", IMPACT),
            Map.entry("timeline", TIMELINE), Map.entry("chronology", TIMELINE),
            Map.entry("timeline of events", TIMELINE), Map.entry("sequence of events", TIMELINE),
            Map.entry("detection", DETECTION), Map.entry("how it was detected", DETECTION),
            Map.entry("how was it detected", DETECTION), Map.entry("discovery", DETECTION),
            Map.entry("response and recovery", RESPONSE), Map.entry("response", RESPONSE),
            Map.entry("recovery", RESPONSE), Map.entry("resolution", RESPONSE), Map.entry("mitigation", RESPONSE),
            Map.entry("resolution and recovery", RESPONSE), Map.entry("actions taken", RESPONSE),
            Map.entry("root causes and contributing factors", ROOT_CAUSES), Map.entry("root causes", ROOT_CAUSES),
            Map.entry("root cause", ROOT_CAUSES), Map.entry("contributing factors", ROOT_CAUSES),
            Map.entry("causes", ROOT_CAUSES), Map.entry("fault", ROOT_CAUSES), Map.entry("five whys", ROOT_CAUSES),
            Map.entry("trigger", TRIGGER),
            Map.entry("what went well", WENT_WELL),
            Map.entry("what went badly", WENT_BADLY), Map.entry("what went wrong", WENT_BADLY),
            Map.entry("what didnt go well", WENT_BADLY), Map.entry("what could have gone better", WENT_BADLY),
            Map.entry("where we got lucky", GOT_LUCKY), Map.entry("where got lucky", GOT_LUCKY),
            Map.entry("action items", ACTION_ITEMS), Map.entry("actions", ACTION_ITEMS),
            Map.entry("follow ups", ACTION_ITEMS), Map.entry("followups", ACTION_ITEMS),
            Map.entry("follow up actions", ACTION_ITEMS), Map.entry("corrective actions", ACTION_ITEMS),
            Map.entry("next steps", ACTION_ITEMS), Map.entry("action plan", ACTION_ITEMS),
            Map.entry("lessons learned", LESSONS), Map.entry("lessons", LESSONS), Map.entry("learnings", LESSONS),
            Map.entry("takeaways", LESSONS), Map.entry("key takeaways", LESSONS), Map.entry("recurrence", LESSONS),
            Map.entry("references", REFERENCES), Map.entry("links", REFERENCES), Map.entry("sources", REFERENCES),
            Map.entry("supporting information", REFERENCES), Map.entry("further reading", REFERENCES),
            Map.entry("details", DETAILS), Map.entry("metadata", DETAILS), Map.entry("incident details", DETAILS));

    private MarkdownSections() {
    }

    /** Returns the section a heading names, ignoring case, numbering, punctuation and "the"/"we". */
    static Optional<String> of(String heading) {
        String normalised = heading.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replace('-', ' ')
                .replaceAll("[^a-z ]", "")
                .replaceAll("\\b(the|we)\\b", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return Optional.ofNullable(VARIANTS.get(normalised));
    }
}
