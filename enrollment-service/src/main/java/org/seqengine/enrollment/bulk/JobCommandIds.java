package org.seqengine.enrollment.bulk;

import java.util.Optional;

/**
 * Command ids of a job's Unenroll commands: {@code unenroll-job/<job>/<enrollment>}. Deterministic,
 * so a command can never be issued twice under two ids, and readable, so a reply names its job.
 */
public final class JobCommandIds {

    static final String PREFIX = "unenroll-job/";

    private JobCommandIds() {}

    public static String of(String jobId, String enrollmentId) {
        return PREFIX + jobId + "/" + enrollmentId;
    }

    /** The job a command id belongs to, if it is a job's command. */
    public static Optional<String> jobOf(String commandId) {
        if (commandId == null || !commandId.startsWith(PREFIX)) return Optional.empty();
        int end = commandId.indexOf('/', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(commandId.substring(PREFIX.length(), end));
    }
}
