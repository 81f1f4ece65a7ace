package org.seqengine.stepscheduler.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.BlockCommand;
import org.seqengine.schemas.avro.BounceCommand;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompleteStepCommand;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.OptOutCommand;
import org.seqengine.schemas.avro.RecordReplyCommand;
import org.seqengine.stepscheduler.domain.BlockCheck;
import org.seqengine.stepscheduler.domain.CommandIds;

/**
 * What each delivery result becomes (pure): one command to enrollment-service, id
 * {@code result:<result_id>} (a result delivered twice gives the same command, decided once), key
 * {@code org_id/person_id}, issued at the result's {@code occurred_at}, actor {@code mailer}.
 *
 * <table>
 *   <tr><th>outcome</th><th>command</th></tr>
 *   <tr><td>SENT</td><td>CompleteStep(enrollment_id, step_index)</td></tr>
 *   <tr><td>BOUNCED</td><td>Bounce(enrollment_id)</td></tr>
 *   <tr><td>REPLIED</td><td>RecordReply(enrollment_id, reply_id = result_id, classification, received_at = occurred_at,
 *       return_date, subject, sealed_subject = sealed, opt_out_requested)</td></tr>
 *   <tr><td>OPT_OUT</td><td>OptOut(source LINK)</td></tr>
 *   <tr><td>FAILED</td><td>Block(enrollment_id, MAILBOX_FAILURE)</td></tr>
 * </table>
 * Anything else (missing ids, a negative step, an unknown outcome or classification) is rejected
 * with every problem named: the caller sends it to the DLQ.
 */
public final class DeliveryResultMapping {

    public static final String ACTOR = "mailer";
    static final Set<String> CLASSIFICATIONS = Set.of("AUTOMATED", "NEGATIVE", "NEUTRAL", "POSITIVE");
    static final Set<String> OUTCOMES = Set.of("SENT", "BOUNCED", "REPLIED", "OPT_OUT", "FAILED");

    public sealed interface Outcome {}

    public record Command(String key, CommandEnvelope command) implements Outcome {}

    public record Rejected(String reason) implements Outcome {}

    private DeliveryResultMapping() {}

    public static Outcome map(DeliveryResultRecord r) {
        List<String> problems = new ArrayList<>();
        requireId(problems, "result_id", r.getResultId());
        requireId(problems, "org_id", r.getOrgId());
        requireId(problems, "person_id", r.getPersonId());
        requireId(problems, "enrollment_id", r.getEnrollmentId());
        if (r.getOrgId() != null && r.getOrgId().indexOf(Keys.SEPARATOR) >= 0) problems.add("org_id must not contain '/'");
        if (r.getStepIndex() < 0) problems.add("step_index must be >= 0, was " + r.getStepIndex());
        if (!OUTCOMES.contains(r.getOutcome())) problems.add("outcome must be one of " + OUTCOMES + ", was " + r.getOutcome());
        if ("REPLIED".equals(r.getOutcome()) && !CLASSIFICATIONS.contains(r.getClassification())) {
            problems.add("a REPLIED result needs classification " + CLASSIFICATIONS + ", was " + r.getClassification());
        }
        if (!problems.isEmpty()) return new Rejected(String.join("; ", problems));

        Object payload = switch (r.getOutcome()) {
            case "SENT" -> CompleteStepCommand.newBuilder().setEnrollmentId(r.getEnrollmentId()).setStepIndex(r.getStepIndex()).build();
            case "BOUNCED" -> BounceCommand.newBuilder().setEnrollmentId(r.getEnrollmentId()).build();
            case "REPLIED" -> RecordReplyCommand.newBuilder()
                    .setEnrollmentId(r.getEnrollmentId())
                    .setReplyId(r.getResultId())
                    .setClassification(r.getClassification())
                    .setReceivedAt(r.getOccurredAt())
                    .setReturnDate(r.getReturnDate())
                    // a sealing mailer's subject is sealed with the person's key: passed on as it came, never opened
                    .setSubject(r.getSubject())
                    .setSealedSubject(r.getSealed())
                    .setOptOutRequested(r.getOptOutRequested())
                    .build();
            case "OPT_OUT" -> OptOutCommand.newBuilder().setSource("LINK").build();
            default -> BlockCommand.newBuilder().setEnrollmentId(r.getEnrollmentId()).setBlockReason(BlockCheck.MAILBOX_FAILURE).build();
        };
        CommandEnvelope command = CommandEnvelope.newBuilder()
                .setCommandId(CommandIds.result(r.getResultId()))
                .setOrgId(r.getOrgId())
                .setPersonId(r.getPersonId())
                .setIssuedAt(r.getOccurredAt())
                .setActor(ACTOR)
                .setReason(reason(r))
                .setPayload(payload)
                .build();
        return new Command(Keys.of(r.getOrgId(), r.getPersonId()), command);
    }

    private static String reason(DeliveryResultRecord r) {
        String step = "step " + (r.getStepIndex() + 1) + " (request " + r.getRequestId() + ")";
        return switch (r.getOutcome()) {
            case "REPLIED" -> "reply " + r.getClassification() + " to " + step;
            case "FAILED" -> "mailbox failure sending " + step + (r.getFailureReason() == null ? "" : ": " + r.getFailureReason());
            default -> r.getOutcome().toLowerCase().replace('_', ' ') + ": " + step;
        };
    }

    private static void requireId(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) problems.add(field + " is required");
    }
}
