package org.seqengine.exclusion.streams;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.exclusion.domain.ActiveEnrollment;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.EnrollmentRecord;

/**
 * Reads {@code enrollments.v1} (key {@code org/enrollment_id}) once and tells the person stage
 * (key {@code org/person_id}) and the mailbox stage (key {@code org/mailbox_id}) what matters to
 * them: whether the enrollment is active, its sequence and mailbox, whether a step was sent.
 * Step-by-step progress is not forwarded (it changes nothing downstream). A move to another
 * mailbox, a deletion and a tombstone are told to the old mailbox too (from the routes store).
 */
final class EnrollmentRouter implements Processor<String, EnrollmentRecord, String, Object> {

    /** To the person stage. */
    record ToPerson(PersonInput.EnrollmentChange change) {}

    /** To the mailbox stage. */
    record ToMailbox(MailboxInput.MailboxEnrollment change) {}

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnrollmentRoute> routes;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.ENROLLMENT_ROUTES);
    }

    @Override
    public void process(Record<String, EnrollmentRecord> record) {
        if (record.key() == null) return;
        String enrollmentId = Keys.idOf(record.key());
        String org = Keys.orgOf(record.key());
        EnrollmentRoute previous = routes.get(record.key());
        EnrollmentRecord e = record.value();
        if (e == null) {
            if (previous != null) {
                toPerson(record, org, previous.personId(), enrollmentId, null);
                toMailbox(record, org, previous.mailboxId(), enrollmentId, previous.personId(), false);
                routes.delete(record.key());
            }
            return;
        }
        boolean active = e.getFinishReason() == null;
        EnrollmentRoute route = new EnrollmentRoute(e.getPersonId(), e.getMailboxId(), e.getSequenceId(), active,
                e.getStepsCompleted() > 0);
        if (route.equals(previous)) return;
        ActiveEnrollment view = active
                ? new ActiveEnrollment(enrollmentId, e.getSequenceId(), e.getMailboxId(), e.getStepsCompleted())
                : null;
        if (previous != null && !Objects.equals(previous.personId(), route.personId())) {
            toPerson(record, org, previous.personId(), enrollmentId, null);
        }
        toPerson(record, org, route.personId(), enrollmentId, view);
        if (previous != null && previous.active() && !Objects.equals(previous.mailboxId(), route.mailboxId())) {
            toMailbox(record, org, previous.mailboxId(), enrollmentId, previous.personId(), false);
        }
        if (previous == null || previous.active() != active || !Objects.equals(previous.mailboxId(), route.mailboxId())) {
            toMailbox(record, org, route.mailboxId(), enrollmentId, route.personId(), active);
        }
        routes.put(record.key(), route);
    }

    private void toPerson(Record<String, EnrollmentRecord> r, String org, String personId, String enrollmentId,
                          ActiveEnrollment active) {
        if (personId == null || personId.isBlank()) return;
        context.forward(r.withKey(Keys.of(org, personId))
                .withValue(new ToPerson(new PersonInput.EnrollmentChange(enrollmentId, active))));
    }

    private void toMailbox(Record<String, EnrollmentRecord> r, String org, String mailboxId, String enrollmentId,
                           String personId, boolean active) {
        if (mailboxId == null || mailboxId.isBlank()) return;
        context.forward(r.withKey(Keys.of(org, mailboxId))
                .withValue(new ToMailbox(new MailboxInput.MailboxEnrollment(enrollmentId, personId, active))));
    }
}
