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

    static List<DeliveryResultRecord> of(SendRequestRecord request, Instant now) {
        return MailerSimulation.deliveriesFor(request.getToEmail(), request.getStepIndex(),
                        now.atZone(ZoneOffset.UTC).toLocalDate())
                .stream().map(delivery -> record(request, delivery, now)).toList();
    }

    private static DeliveryResultRecord record(SendRequestRecord request, Delivery delivery, Instant now) {
        boolean replied = delivery.outcome() == Outcome.REPLIED;
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
                .setSubject(replied && request.getSubject() != null ? "Re: " + request.getSubject() : null)
                .setFailureReason(delivery.failureReason())
                .setOccurredAt(now)
                .build();
    }
}
