package org.seqengine.enrollment.bulk;

import java.util.Optional;

/**
 * Command ids of a job's commands: {@code <kind prefix><job>/<target>}, e.g.
 * {@code unenroll-job/<job>/<enrollment>} or {@code erase-job/<job>/<person>}. Deterministic, so a command can never be issued twice
 * under two ids, and readable, so a reply names its job.
 */
public final class JobCommandIds {

    private JobCommandIds() {}

    public static String of(JobKind kind, String jobId, String targetId) {
        return kind.commandIdPrefix() + jobId + "/" + targetId;
    }

    /** An unenroll job's command id. */
    public static String of(String jobId, String enrollmentId) {
        return of(JobKind.UNENROLL, jobId, enrollmentId);
    }

    /** The job a command id belongs to, if it is a job's command. */
    public static Optional<String> jobOf(String commandId) {
        if (commandId == null) return Optional.empty();
        for (JobKind kind : JobKind.values()) {
            String prefix = kind.commandIdPrefix();
            if (commandId.startsWith(prefix)) {
                int end = commandId.indexOf('/', prefix.length());
                return end < 0 ? Optional.empty() : Optional.of(commandId.substring(prefix.length(), end));
            }
        }
        return Optional.empty();
    }
}
