package org.seqengine.exclusion.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.MailboxOwnerChangedCommand;

/** The MailboxOwnerChanged commands of one handover: one per active enrollment, keyed {@code org/person_id}. */
final class OwnerChanges {

    private OwnerChanges() {}

    /**
     * @param targets         one reassign target per enrollment (null or missing: none, the decider unenrolls)
     * @param handoverAt      the mailbox change's record time: with the mailbox, enrollment and new owner it
     *                        makes the command id, the same when the change is processed again
     */
    static List<KeyValue<String, PublisherOutput>> commands(String org, String newOwner, OwnerInput.MailboxHandedOver handover,
                                                            List<String> targets, long handoverAt, long now) {
        List<KeyValue<String, PublisherOutput>> out = new ArrayList<>();
        List<OwnerInput.EnrollmentOfPerson> enrollments = handover.enrollments();
        for (int i = 0; i < enrollments.size(); i++) {
            OwnerInput.EnrollmentOfPerson e = enrollments.get(i);
            String target = i < targets.size() ? targets.get(i) : null;
            String name = "mailbox-owner-changed|" + org + "|" + handover.mailboxId() + "|" + e.enrollmentId() + "|"
                    + newOwner + "|" + handoverAt;
            String commandId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            MailboxOwnerChangedCommand payload = new MailboxOwnerChangedCommand(e.enrollmentId(), handover.mailboxId(), target);
            out.add(KeyValue.pair(Keys.of(org, e.personId()), new PublisherOutput.Command(Commands.envelope(commandId, org,
                    e.personId(), now, "owner of mailbox " + handover.mailboxId() + " changed", payload))));
        }
        return out;
    }
}
