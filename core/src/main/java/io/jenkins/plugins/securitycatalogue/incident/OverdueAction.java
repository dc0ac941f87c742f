package io.jenkins.plugins.securitycatalogue.incident;

/**
 * An action item past its due date and not done, with the incident it follows up, for the per-team view.
 *
 * @param incident the incident's id
 * @param title the incident's title
 * @param item the action item
 * @param daysOverdue how many days past its due date it is
 */
public record OverdueAction(IncidentId incident, String title, ActionItem item, long daysOverdue) {
    /** The owner to group by; items without one are grouped under {@code unassigned}. */
    public String owner() {
        String owner = item.owner();
        return owner == null ? "unassigned" : owner;
    }
}
