package io.jenkins.plugins.securitycatalogue.github;

/**
 * The GitHub issue an action item was exported to.
 *
 * @param item the action item's number in its post-mortem, from 1
 * @param number the issue's number in its repository
 * @param url the issue's web address, stored as the item's tracker link
 */
public record IssueLink(int item, int number, String url) {
}
