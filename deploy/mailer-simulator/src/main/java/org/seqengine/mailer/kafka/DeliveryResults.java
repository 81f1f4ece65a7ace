package org.seqengine.mailer.kafka;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.seqengine.mailer.domain.Delivery;
import org.seqengine.mailer.domain.MailerSimulation;
import org.seqengine.mailer.domain.Outcome;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.SendRequestRecord;

/** The DeliveryResultRecords of one send request (the simulation's deliveries with ids and addresses). */
final class DeliveryResults {

    private DeliveryResults() {
    }

    static List<DeliveryResultRecord> of(SendRequestRecord request, Letter letter, Instant now) {
        return MailerSimulation.deliveriesFor(letter.toEmail(), request.getStepIndex(),
                        now.atZone(ZoneOffset.UTC).toLocalDate())
                .stream().map(delivery -> record(request, letter, delivery, now)).toList();
    }

    private static DeliveryResultRecord record(SendRequestRecord request, Letter letter, Delivery delivery,
                                               Instant now) {
        boolean replied = delivery.outcome() == Outcome.REPLIED;
        String replySubject = replied && letter.subject() != null ? "Re: " + letter.subject() : null;
        // a sealed request's reply subject is sealed with the same key (the results topic is append-only)
        boolean seal = letter.sealWith() != null;
        return DeliveryResultRecord.newBuilder()
                .setResultId(MailerSimulation.resultId(request.getRequestId(), delivery.outcome()))
                .setRequestId(request.getRequestId())
                .setOrgId(request.getOrgId())
                .setPersonId(request.getPersonId())
                .setEnrollmentId(request.getEnrollmentId())
                .setStepIndex(request.getStepIndex())
                .setOutcome(delivery.outcome().name())
                .setClassification(delivery.classification() == null ? null : delivery.classification().name())
                .setOptOutRequested(delivery.optOutRequested())
                .setReturnDate(delivery.returnDate())
                .setSubject(seal ? null : replySubject)
                .setSealed(seal ? letter.sealReplySubject(replySubject) : null)
                .setFailureReason(delivery.failureReason())
                .setOccurredAt(now)
                .build();
    }
}
