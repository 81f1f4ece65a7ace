package org.seqengine.enrollment.domain;

/** The user-facing enrollment statuses of the seed. The first four are active. */
public enum DisplayStatus {
    QUEUED, STARTED, BLOCKED, PAUSED,
    FINISHED, COMPLETED, BOUNCED, BOUNCE_STOPPED, CANCELED, EXCLUDED;

    public boolean isActive() {
        return this == QUEUED || this == STARTED || this == BLOCKED || this == PAUSED;
    }
}
