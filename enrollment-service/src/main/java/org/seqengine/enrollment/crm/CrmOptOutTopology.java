package org.seqengine.enrollment.crm;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.seqengine.schemas.Topics;

/**
 * Enforces the CRM's {@code email_opt_out} flag: {@code people.v1} (keyed org/person) -> the last flag
 * seen per person -> an OptOut (source CRM) or ClearCrmOptOut command on {@code enrollment.commands.v1}
 * when the flag flips. enrollment-service's decider stays the only writer of events; this topology
 * only sends commands, with ids derived from the people record's offset, so a reprocessed record
 * (exactly-once retry, restore) sends the same command id again and the decider answers it once.
 *
 * <p>It runs as its own small Kafka Streams application ({@link CrmOptOutStreams}), because the main
 * topology already reads {@code people.v1} into a global store and a topic has one source per topology.
 */
public final class CrmOptOutTopology {

    static final String SOURCE = "people-source";
    static final String PROCESSOR = "crm-opt-out-flag";
    static final String COMMANDS_SINK = "commands-sink";
    /** org/person -> the last {@code email_opt_out} seen. */
    public static final String FLAGS_STORE = "crm-opt-out-flags";

    private CrmOptOutTopology() {}

    public static Topology build() {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Topics.PEOPLE.keySerde().deserializer(), Topics.PEOPLE.valueSerde().deserializer(),
                Topics.PEOPLE.name());
        topology.addProcessor(PROCESSOR, CrmOptOutFlagProcessor::new, SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FLAGS_STORE),
                Serdes.String(), Serdes.Boolean()), PROCESSOR);
        topology.addSink(COMMANDS_SINK, Topics.COMMANDS.name(), Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
