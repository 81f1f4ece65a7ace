package org.seqengine.enrollment.bulk;

/**
 * What a bulk job does to each target. Every kind runs on the same machinery (one transaction of
 * commands plus the request, outcomes counted by {@link UnenrollJobProcessor}); the kind names the
 * command and the prefix of its command ids, so a reply names its job.
 */
public enum JobKind {
    /** Unenroll each target (POST /unenroll-jobs). */
    UNENROLL("unenroll-job/"),
    /** Reopen each enrollment an exclusion rule ended (POST /exclusion-rules/{id}/restore). */
    RESTORE("restore-job/"),
    /** Move each queued enrollment of a sequence to the least-loaded given mailbox (POST /sequences/{id}/reassign-queued). */
    REASSIGN_QUEUED("reassign-job/"),
    /** Move each active enrollment of a sequence on an older version to its latest (POST /sequences/{id}/upgrade-enrollments). */
    UPGRADE("upgrade-job/"),
    /** Erase one person (DELETE /people/{id}?mode=erase): one target, the person. */
    ERASE("erase-job/");

    private final String commandIdPrefix;

    JobKind(String commandIdPrefix) {
        this.commandIdPrefix = commandIdPrefix;
    }

    String commandIdPrefix() {
        return commandIdPrefix;
    }

    /** The kind stored on a job record; records written before kinds existed are UNENROLL. */
    public static JobKind of(String stored) {
        return stored == null ? UNENROLL : valueOf(stored);
    }
}
