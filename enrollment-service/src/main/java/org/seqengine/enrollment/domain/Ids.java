package org.seqengine.enrollment.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids derived from a command id, so a replayed command yields the same ids. */
public final class Ids {

    private Ids() {}

    public static String enrollmentId(String orgId, String commandId) {
        return nameUuid("enrollment/" + orgId + "/" + commandId);
    }

    public static String eventId(String commandId, int index) {
        return nameUuid("event/" + commandId + "/" + index);
    }

    public static String writeBackId(String commandId, String crm) {
        return nameUuid("write-back/" + commandId + "/" + crm);
    }

    /**
     * The send request id of one attempt of one EMAIL step: a request written twice is one email to
     * the mailer, which dedupes on it; an attempt after a block (e.g. a mailbox failure: the email did
     * not go) is a new request, or the mailer would drop it as a duplicate.
     */
    public static String sendRequestId(String enrollmentId, int stepIndex, int attempt) {
        return nameUuid(enrollmentId + "/" + stepIndex + "/" + attempt);
    }

    /** The task id of one TASK step of one enrollment: the same for every attempt (a retry re-opens it). */
    public static String taskId(String enrollmentId, int stepIndex) {
        return nameUuid(enrollmentId + "/" + stepIndex);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
