package io.jenkins.plugins.securitycatalogue.recording;

import java.util.Locale;

/** A piece of a service's metadata whose origin and freshness the catalogue keeps. */
public enum MetadataField {
    TEAM("team", 200),
    DESCRIPTION("description", 4000),
    REPOSITORY("repository", 1000),
    TIER("tier", 100),
    TOPICS("topics", 2000),
    DEFAULT_BRANCH("default_branch", 300),
    ARCHIVED("archived", 5),
    VISIBILITY("visibility", 20),
    LANGUAGE("primary_language", 100),
    LATEST_RELEASE("latest_release", 300);

    private final String column;
    private final int width;

    MetadataField(String column, int width) {
        this.column = column;
        this.width = width;
    }

    /** Returns the column of the {@code service} table that holds it. */
    String column() {
        return column;
    }

    /** Returns the longest value the column holds. */
    int width() {
        return width;
    }

    /** Returns the lower-case name used in the command line's and the API's output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
