package org.seqengine.stepscheduler.domain;

import java.time.Instant;

/**
 * The ids of the commands this service sends. Derived from what they are about, so a command sent
 * again (a retried transaction, a replayed input) carries the same id and enrollment-service
 * decides it once.
 */
public final class CommandIds {

    private CommandIds() {}

    public static String dispatch(String enrollmentId, int stepIndex, int attempt) {
        return "dispatch:" + enrollmentId + ":" + stepIndex + ":" + attempt;
    }

    public static String resume(String enrollmentId, Instant resumeAt) {
        return "resume:" + enrollmentId + ":" + resumeAt.toEpochMilli();
    }

    public static String result(String resultId) {
        return "result:" + resultId;
    }
}
