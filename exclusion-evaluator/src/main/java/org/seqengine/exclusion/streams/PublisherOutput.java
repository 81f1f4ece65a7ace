package org.seqengine.exclusion.streams;

import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/** What the publisher and the mailbox stages write: a person's matches (null: tombstone) or a command. */
sealed interface PublisherOutput {

    record Matches(ExclusionMatchesRecord record) implements PublisherOutput {}

    record Command(CommandEnvelope command) implements PublisherOutput {}
}
