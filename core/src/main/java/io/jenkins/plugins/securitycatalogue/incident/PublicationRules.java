package io.jenkins.plugins.securitycatalogue.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * What a post-mortem must contain before it is published: the sections reviewers of the best templates check
 * (summary, impact, timeline, detection, response, root causes, action items, lessons), the times that the metrics
 * need, and an owner and due date on every action item, since follow-ups without them are not done.
 */
public final class PublicationRules {
    private PublicationRules() {
    }

    /** Returns what is missing for publication, in reading order; empty if it can be published. */
    public static List<String> missing(PostMortem postMortem) {
        List<String> missing = new ArrayList<>();
        requireText(missing, postMortem.summary(), "summary");
        if (postMortem.impact().description() == null) {
            missing.add("impact");
        }
        if (postMortem.timeline().isEmpty()) {
            missing.add("timeline");
        }
        requireText(missing, postMortem.detection(), "detection");
        requireText(missing, postMortem.response(), "response and recovery");
        requireText(missing, postMortem.rootCauses(), "root causes");
        if (postMortem.actionItems().isEmpty()) {
            missing.add("action items");
        }
        requireText(missing, postMortem.lessons(), "lessons learned");
        requireTimes(missing, postMortem.times());
        requireOwners(missing, postMortem.actionItems());
        return missing;
    }

    private static void requireText(List<String> missing, String text, String section) {
        if (text == null) {
            missing.add(section);
        }
    }

    private static void requireTimes(List<String> missing, IncidentTimes times) {
        if (times.started() == null) {
            missing.add("time started");
        }
        if (times.detected() == null) {
            missing.add("time detected");
        }
        if (times.resolved() == null) {
            missing.add("time resolved");
        }
    }

    private static void requireOwners(List<String> missing, List<ActionItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).owner() == null) {
                missing.add("owner of action item " + (i + 1));
            }
            if (items.get(i).due() == null) {
                missing.add("due date of action item " + (i + 1));
            }
        }
    }
}
