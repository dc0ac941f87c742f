package io.jenkins.plugins.securitycatalogue.posture;

/** Where an open finding stands against its SLA. */
public enum SlaState {
    /** Within its time. */
    WITHIN,
    /** In the last quarter of its time. */
    DUE_SOON,
    /** Past its due date. */
    BREACHED,
    /** Its severity has no SLA. */
    NONE
}
