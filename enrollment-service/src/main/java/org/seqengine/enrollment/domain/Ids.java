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
     * The send request (and task) id of one step of one enrollment: the same for every attempt, so a
     * request written twice is one email to the mailer, which dedupes on it.
     */
    public static String sendRequestId(String enrollmentId, int stepIndex) {
        return nameUuid(enrollmentId + "/" + stepIndex);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
