package org.seqengine.exclusion.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.exclusion.domain.ExclusionReference;
import org.seqengine.exclusion.domain.RuleCompiler;
import org.seqengine.exclusion.domain.RuleDefinition;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequenceRecord;

/**
 * The rules, rulesets and sequences of an organization, read from the global stores (keys
 * {@code org/id}, so an org's records are one prefix scan).
 */
public final class ReferenceStores {

    private static final Logger LOG = Logger.getLogger(ReferenceStores.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, ExclusionRuleRecord> rules;
    private final ReadOnlyKeyValueStore<String, RulesetRecord> rulesets;
    private final ReadOnlyKeyValueStore<String, SequenceRecord> sequences;
    private final RuleCompiler compiler = new RuleCompiler((ruleId, problem) ->
            LOG.warnf("exclusion rule %s has a filter that does not parse; it matches nobody: %s", ruleId, problem));

    public ReferenceStores(ReadOnlyKeyValueStore<String, ExclusionRuleRecord> rules,
                    ReadOnlyKeyValueStore<String, RulesetRecord> rulesets,
                    ReadOnlyKeyValueStore<String, SequenceRecord> sequences) {
        this.rules = rules;
        this.rulesets = rulesets;
        this.sequences = sequences;
    }

    static ReferenceStores of(ProcessingContext context) {
        KeyValueStore<String, ExclusionRuleRecord> rules = context.getStateStore(StoreNames.EXCLUSION_RULES);
        KeyValueStore<String, RulesetRecord> rulesets = context.getStateStore(StoreNames.RULESETS);
        KeyValueStore<String, SequenceRecord> sequences = context.getStateStore(StoreNames.SEQUENCES);
        return new ReferenceStores(rules, rulesets, sequences);
    }

    public List<RuleDefinition> rules(String org) {
        List<RuleDefinition> out = new ArrayList<>();
        try (KeyValueIterator<String, ExclusionRuleRecord> it = rules.prefixScan(org + Keys.SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> out.add(compile(kv.value)));
        }
        return out;
    }

    /** Changes whenever a rule or ruleset of the org changes (what re-evaluates the org's people). */
    public String fingerprint(String org) {
        StringBuilder text = new StringBuilder();
        try (KeyValueIterator<String, ExclusionRuleRecord> it = rules.prefixScan(org + Keys.SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> text.append(kv.key).append('=').append(kv.value).append('\n'));
        }
        try (KeyValueIterator<String, RulesetRecord> it = rulesets.prefixScan(org + Keys.SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> text.append(kv.key).append('=').append(kv.value.getExclusionRuleIds()).append('\n'));
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    public ExclusionReference reference(String org) {
        return new ExclusionReference() {
            @Override
            public Optional<RuleDefinition> rule(String ruleId) {
                return Optional.ofNullable(rules.get(Keys.of(org, ruleId))).map(ReferenceStores.this::compile);
            }

            @Override
            public Optional<String> sequenceRulesetId(String sequenceId) {
                return Optional.ofNullable(sequences.get(Keys.of(org, sequenceId))).map(SequenceRecord::getRulesetId);
            }

            @Override
            public Optional<Set<String>> rulesetRuleIds(String rulesetId) {
                return Optional.ofNullable(rulesets.get(Keys.of(org, rulesetId)))
                        .map(r -> new HashSet<>(r.getExclusionRuleIds()));
            }
        };
    }

    public RuleDefinition compile(ExclusionRuleRecord r) {
        return compiler.compile(r.getId(), r.getLevel(), r.getExcludeFromSequences(), r.getRemoveFromActiveSequences(),
                r.getFilterJson());
    }
}
