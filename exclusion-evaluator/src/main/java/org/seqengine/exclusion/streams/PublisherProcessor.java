package org.seqengine.exclusion.streams;

import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.exclusion.domain.ExcludeCommandIds;
import org.seqengine.exclusion.domain.MatchPublisher;
import org.seqengine.exclusion.domain.PersonResult;
import org.seqengine.exclusion.domain.Publication;
import org.seqengine.exclusion.domain.PublishedMatch;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/**
 * The publisher (key {@code org/person_id}): turns the domain stage's results into
 * {@code exclusion-matches.v1} records (only when they changed, keeping {@code matched_since}) and
 * Exclude commands ({@link MatchPublisher}). Keyed by person, so results from a domain the person
 * has left are recognized by their older view version and ignored.
 */
final class PublisherProcessor implements Processor<String, PersonResult, String, PublisherOutput> {

    private ProcessorContext<String, PublisherOutput> context;
    private KeyValueStore<String, Publication> publications;
    private ReferenceStores reference;

    @Override
    public void init(ProcessorContext<String, PublisherOutput> context) {
        this.context = context;
        this.publications = context.getStateStore(StoreNames.PUBLICATIONS);
        this.reference = ReferenceStores.of(context);
    }

    @Override
    public void process(Record<String, PersonResult> record) {
        if (record.key() == null || record.value() == null) return;
        String org = Keys.orgOf(record.key());
        String personId = Keys.idOf(record.key());
        long now = context.currentSystemTimeMs();
        MatchPublisher.Outcome outcome = MatchPublisher.apply(publications.get(record.key()), record.value(),
                reference.reference(org));
        publications.put(record.key(), outcome.next());
        if (outcome.tombstone()) {
            context.forward(record.withValue(new PublisherOutput.Matches(null)));
        } else if (outcome.publish()) {
            ExclusionMatchesRecord matches = ExclusionMatchesRecord.newBuilder()
                    .setOrgId(org).setPersonId(personId)
                    .setMatches(outcome.next().matches().stream().map(AvroViews::match).toList())
                    .setEvaluatedAt(Instant.ofEpochMilli(record.value().evaluatedAt()))
                    .build();
            context.forward(record.withValue(new PublisherOutput.Matches(matches)));
        }
        if (!outcome.exclude().isEmpty()) {
            String enrollmentId = outcome.enrollment().enrollmentId();
            String commandId = ExcludeCommandIds.of(org, personId, enrollmentId, outcome.exclude());
            String reason = "matches exclusion rule " + outcome.exclude().stream().map(PublishedMatch::ruleId)
                    .collect(Collectors.joining(", "));
            // the command log is append-only: no person field value in it
            ExcludeCommand payload = new ExcludeCommand(outcome.exclude().stream()
                    .map(m -> AvroViews.match(m.withoutPersonalValues())).toList());
            context.forward(record.withValue(new PublisherOutput.Command(
                    Commands.envelope(commandId, org, personId, now, reason, payload))));
        }
    }
}
