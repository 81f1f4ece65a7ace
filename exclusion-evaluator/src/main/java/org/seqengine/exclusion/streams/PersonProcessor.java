package org.seqengine.exclusion.streams;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.exclusion.domain.ActiveEnrollment;
import org.seqengine.exclusion.domain.PersonFacts;
import org.seqengine.exclusion.domain.PersonView;
import org.seqengine.schemas.Keys;

/**
 * The person stage (key {@code org/person_id}): merges the person record, the person's CRM records
 * and active enrollment ({@link PersonFacts}), and sends the resulting view to the person's domain
 * key, with a "left" marker to the old domain key when the domain changes or the person is erased
 * (a people.v1 or crm.people-changes.v1 tombstone), which also drops what is kept here. Each view carries a version that only grows (at least
 * the wall clock, so it keeps growing after an erasure drops the counter).
 */
final class PersonProcessor implements Processor<String, PersonInput, String, DomainInput> {

    private ProcessorContext<String, DomainInput> context;
    private KeyValueStore<String, PersonFacts> store;

    @Override
    public void init(ProcessorContext<String, DomainInput> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.PERSON_FACTS);
    }

    @Override
    public void process(Record<String, PersonInput> record) {
        if (record.key() == null || record.value() == null) return;
        String org = Keys.orgOf(record.key());
        String personId = Keys.idOf(record.key());
        PersonFacts before = store.get(record.key());
        PersonFacts facts = before != null ? before : PersonFacts.empty(personId);
        PersonView oldView = facts.view();

        PersonInput input = record.value();
        if ((input instanceof PersonInput.RecordChange c && c.fields() == null) || input instanceof PersonInput.CrmPersonErased) {
            // erased (people.v1 or crm.people-changes.v1 tombstone, both written by the erase): drop everything
            // held of the person, here and, through the "left" marker, at the domain and the publisher
            if (oldView != null) {
                long version = nextVersion(facts);
                forward(record, DomainKeys.of(org, oldView.domain(), personId),
                        new DomainInput.PersonLeft(personId, version, true));
            }
            store.delete(record.key());
            return;
        } else if (input instanceof PersonInput.RecordChange c) {
            facts = facts.withRecord(c.fields());
        } else if (input instanceof PersonInput.CrmPersonChange c) {
            facts = facts.apply(c.change());
        } else if (input instanceof PersonInput.EnrollmentChange c) {
            facts = facts.withEnrollment(c.enrollmentId(), c.active());
        }

        PersonView newView = facts.view();
        if (newView == null || (oldView != null && oldView.sameFacts(newView)
                && sameEnrollment(oldView.activeEnrollment(), newView.activeEnrollment()))) {
            if (facts.isEmpty()) store.delete(record.key()); // e.g. an erased person's enrollments ending
            else store.put(record.key(), facts);
            return;
        }
        facts = facts.withVersion(nextVersion(facts));
        newView = facts.view();
        String newKey = DomainKeys.of(org, newView.domain(), personId);
        if (oldView != null) {
            String oldKey = DomainKeys.of(org, oldView.domain(), personId);
            if (!oldKey.equals(newKey)) {
                forward(record, oldKey, new DomainInput.PersonLeft(personId, facts.version(), false));
            }
        }
        forward(record, newKey, new DomainInput.PersonArrived(newView));
        store.put(record.key(), facts);
    }

    private long nextVersion(PersonFacts facts) {
        return Math.max(facts.version() + 1, context.currentSystemTimeMs());
    }

    private static boolean sameEnrollment(ActiveEnrollment a, ActiveEnrollment b) {
        if (a == null || b == null) return a == b;
        return a.sameTarget(b) && Objects.equals(a.mailboxId(), b.mailboxId())
                && (a.stepsCompleted() > 0) == (b.stepsCompleted() > 0);
    }

    private void forward(Record<String, PersonInput> r, String key, DomainInput value) {
        context.forward(r.withKey(key).withValue(value));
    }
}
