package io.jenkins.plugins.securitycatalogue.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The texts of a post-mortem by where they appear, for checks that read all of them. */
final class PostMortemSections {
    private PostMortemSections() {
    }

    /** Returns the non-empty texts, keyed by a name people recognise ({@code timeline 2}), in reading order. */
    static Map<String, String> texts(PostMortem postMortem) {
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "title", postMortem.title());
        put(texts, "summary", postMortem.summary());
        put(texts, "impact", postMortem.impact().description());
        numbered(texts, "timeline", postMortem.timeline().stream().map(TimelineEntry::text).toList());
        put(texts, "detection", postMortem.detection());
        put(texts, "response and recovery", postMortem.response());
        put(texts, "root causes", postMortem.rootCauses());
        put(texts, "trigger", postMortem.trigger());
        put(texts, "what went well", postMortem.wentWell());
        put(texts, "what went badly", postMortem.wentBadly());
        put(texts, "where we got lucky", postMortem.gotLucky());
        numbered(texts, "action item", postMortem.actionItems().stream().map(ActionItem::description).toList());
        put(texts, "lessons learned", postMortem.lessons());
        put(texts, "disclosure", postMortem.security().disclosure().note());
        return texts;
    }

    private static void put(Map<String, String> texts, String where, String text) {
        if (text != null) {
            texts.put(where, text);
        }
    }

    private static void numbered(Map<String, String> texts, String where, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            texts.put(where + " " + (i + 1), values.get(i));
        }
    }
}
