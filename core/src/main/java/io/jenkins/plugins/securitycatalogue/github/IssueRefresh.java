package io.jenkins.plugins.securitycatalogue.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.securitycatalogue.incident.ActionItem;

/**
 * What refreshing one action item's GitHub issue found.
 *
 * @param item the action item's number in its post-mortem, from 1
 * @param url the issue's web address
 * @param issueState {@code open} or {@code closed}, or {@code null} if it could not be read
 * @param stateReason why it was closed ({@code completed}, {@code not_planned}), or {@code null}
 * @param before the item's state before
 * @param after the item's state after; differs from {@code before} when the issue was closed or reopened
 * @param problem why the issue could not be read, or {@code null}
 */
public record IssueRefresh(int item, String url, @CheckForNull String issueState, @CheckForNull String stateReason,
        ActionItem.State before, ActionItem.State after, @CheckForNull String problem) {
    /** Returns whether the item's state changed. */
    public boolean changed() {
        return before != after;
    }
}
