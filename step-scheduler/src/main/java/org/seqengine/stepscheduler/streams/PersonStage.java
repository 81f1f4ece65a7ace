package org.seqengine.stepscheduler.streams;

import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.stepscheduler.domain.BlockCheck;

/**
 * The person stage (key {@code org/person_id}): people.v1 and the person's enrollments meet here.
 * It routes each enrollment to its mailbox (key {@code org/mailbox_id}), telling the old mailbox when
 * it moves, and sends the person's template fields to the mailbox of an enrollment blocked for
 * template variables, with the block and on every later change of the person record: that is what
 * unblocks it when the person gains the value.
 *
 * <p>An enrollments.v1 tombstone carries no person and is not routed; erasing a person (people.v1
 * tombstone) removes all their enrollments from the schedule.
 */
final class PersonStage implements Processor<String, PersonStageInput, String, MailboxInput> {

    private ProcessorContext<String, MailboxInput> context;
    private KeyValueStore<String, PersonEntry> people;

    @Override
    public void init(ProcessorContext<String, MailboxInput> context) {
        this.context = context;
        this.people = context.getStateStore(StoreNames.PEOPLE);
    }

    @Override
    public void process(Record<String, PersonStageInput> record) {
        if (record.key() == null || record.value() == null) return;
        PersonEntry stored = people.get(record.key());
        PersonEntry entry = stored == null ? new PersonEntry() : stored;
        if (record.value() instanceof PersonStageInput.EnrollmentUpdate u) {
            enrollmentChanged(record, entry, u.enrollment());
        } else if (record.value() instanceof PersonStageInput.PersonUpdate p) {
            if (p.person() == null) {
                erased(record, entry);
                people.delete(record.key());
                return;
            }
            entry.person = AvroViews.templateFields(p.person());
            entry.enrollments.forEach((id, route) -> {
                if (route.active() && route.blockedOnTemplate()) {
                    forward(record, route.mailboxKey(), new MailboxInput.PersonChanged(Keys.of(Keys.orgOf(record.key()), id),
                            entry.person));
                }
            });
        }
        if (entry.isEmpty()) people.delete(record.key());
        else people.put(record.key(), entry);
    }

    private void enrollmentChanged(Record<String, PersonStageInput> record, PersonEntry entry, EnrollmentRecord e) {
        String enrollmentKey = Keys.of(e.getOrgId(), e.getId());
        PersonEntry.Route previous = entry.enrollments.get(e.getId());
        String mailboxKey = Keys.of(e.getOrgId(), e.getMailboxId());
        boolean active = e.getFinishReason() == null;
        if (!active) {
            if (previous != null && previous.active()) {
                forward(record, previous.mailboxKey(), new MailboxInput.EnrollmentRemoved(enrollmentKey, false, e.getUpdatedAt()));
            }
            int generation = previous == null ? 0 : previous.generation();
            entry.enrollments.put(e.getId(), new PersonEntry.Route(mailboxKey, generation, false, false));
            return;
        }
        int generation = previous == null ? 0 : previous.generation();
        if (previous != null && previous.active() && !previous.mailboxKey().equals(mailboxKey)) {
            forward(record, previous.mailboxKey(), new MailboxInput.EnrollmentRemoved(enrollmentKey, true, e.getUpdatedAt()));
            generation++;
        } else if (previous != null && !previous.active()) {
            generation++; // reopened: its earlier dispatches were forgotten when it finished
        }
        boolean onTemplate = BlockCheck.isAboutVariables(e.getBlockReason());
        Map<String, Object> person = onTemplate ? entry.person : null;
        forward(record, mailboxKey, new MailboxInput.EnrollmentChanged(AvroViews.enrollment(e), generation, person));
        entry.enrollments.put(e.getId(), new PersonEntry.Route(mailboxKey, generation, true, onTemplate));
    }

    private void erased(Record<String, PersonStageInput> record, PersonEntry entry) {
        String org = Keys.orgOf(record.key());
        entry.enrollments.forEach((id, route) -> {
            if (route.active()) forward(record, route.mailboxKey(), new MailboxInput.EnrollmentRemoved(Keys.of(org, id), false, null));
        });
    }

    private void forward(Record<String, PersonStageInput> r, String mailboxKey, MailboxInput value) {
        context.forward(r.withKey(mailboxKey).withValue(value));
    }
}
