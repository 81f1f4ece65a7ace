package org.seqengine.bench;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.seqengine.schemas.Topics;

/**
 * The ceiling the decider is compared with: a Kafka Streams topology that reads the commands topic
 * and writes every record unchanged (bytes, no deserialization) to another topic, with the same
 * processing guarantee and commit settings as the service. It runs in the harness JVM.
 */
public final class PassThrough implements AutoCloseable {

    public static final String OUTPUT = "bench.passthrough.v1";

    private final KafkaStreams streams;

    public PassThrough(String bootstrap, String applicationId, String guarantee, Path stateDir, Properties settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.COMMANDS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.putAll(settings);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        streams = new KafkaStreams(builder.build(), p);
        streams.start();
    }

    /** The service's packaged Streams settings (application.properties) that matter for throughput. */
    public static Properties serviceLikeSettings(String commitIntervalMs) {
        Properties p = new Properties();
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.POLL_MS_CONFIG, "10");
        p.put(StreamsConfig.producerPrefix("linger.ms"), "5");
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        return p;
    }

    @Override
    public void close() {
        streams.close(java.time.Duration.ofSeconds(30));
    }
}
