package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/**
 * deploy/k8s against the services' real configuration: the generated manifests are the build's, every
 * workload runs its service the way its application.properties expects (port, probes, variables it reads,
 * a non-root user, state on a volume, application.server from the pod's address), the shared settings
 * point at the Strimzi cluster, and the KafkaTopics are exactly {@link Topics} with their DLQs, compacted
 * where the services expect. The overlays are rendered with Kustomize where {@code kubectl} is installed.
 */
class KubernetesManifestsTest {

    private static final Path K8S = DeployedService.projectRoot().resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final String CONFIG_MAP = "seqengine-config";
    private static final String SECRET = "seqengine-secrets";

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void theCommittedManifestsAreTheOnesTheBuildGenerates(DeployedService service) throws IOException {
        Path generated = service.moduleDirectory().resolve("target/kubernetes/kubernetes.yml");
        assumeTrue(Files.exists(generated), "the service is built (target/kubernetes)");
        // (the image's registry is the build's -Dquarkus.container-image.registry; the overlays set their own)
        assertThat(withoutImageRegistry(Yaml.documents(BASE.resolve("generated/" + service.serviceName() + ".yml"))))
                .as("deploy/k8s/base/generated/%s.yml differs from the build's: run deploy/k8s/refresh-generated.sh",
                        service.serviceName())
                .isEqualTo(withoutImageRegistry(Yaml.documents(generated)));
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void eachWorkloadRunsItsServiceAsItsConfigurationExpects(DeployedService service) {
        List<JsonNode> base = baseResources();
        JsonNode workload = resource(base, service.kafkaStreams() ? "StatefulSet" : "Deployment", service.serviceName());
        JsonNode pod = workload.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        int port = service.httpPort();

        assertThat(container.at("/image").asText()).endsWith("seqengine/" + service.serviceName() + ":" + projectVersion());
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(port);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(port);
        assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();

        for (JsonNode env : container.path("env")) {
            assertThat(service.reads(env.get("name").asText()))
                    .as("%s reads %s", service.serviceName(), env.get("name").asText()).isTrue();
        }
        assertThat(container.findValuesAsText("name")).contains(CONFIG_MAP, SECRET);

        JsonNode kubernetesService = resource(base, "Service", service.serviceName());
        assertThat(kubernetesService.at("/spec/ports/0/targetPort").asInt()).isEqualTo(port);
        assertThat(kubernetesService.at("/metadata/annotations").get("prometheus.io/path").asText()).isEqualTo("/q/metrics");
    }

    @ParameterizedTest
    @EnumSource(value = DeployedService.class, names = {"ENROLLMENT_SERVICE", "EXCLUSION_EVALUATOR", "STEP_SCHEDULER"})
    void aKafkaStreamsServiceKeepsItsStateOnAVolumeAndIsAddressedByItsPod(DeployedService service) {
        JsonNode statefulSet = resource(baseResources(), "StatefulSet", service.serviceName());
        JsonNode container = statefulSet.at("/spec/template/spec/containers/0");
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.get("name").asText(), e));

        // multi-instance routing: the other instances forward a key's reads to application.server
        assertThat(service.properties().getProperty("quarkus.kafka-streams.application-server"))
                .contains("${ENROLLMENT_ADVERTISED_HOST");
        assertThat(env.get("ENROLLMENT_ADVERTISED_HOST").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("status.podIP");

        assertThat(service.properties().getProperty("kafka-streams.state.dir")).contains("${ENROLLMENT_STATE_DIR");
        String stateDir = env.get("ENROLLMENT_STATE_DIR").get("value").asText();
        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.get("mountPath").asText()).isEqualTo(stateDir);
        // (a root-level YAML list reads as its elements)
        JsonNode claims = Yaml.documents(BASE.resolve("patches/state-volume.yaml")).get(0).get("value");
        assertThat(claims.findValuesAsText("name")).contains(mount.get("name").asText());
    }

    @Test
    void theSharedSettingsAreReadByTheServicesAndPointAtTheCluster() {
        List<JsonNode> base = baseResources();
        JsonNode config = resource(base, "ConfigMap", CONFIG_MAP).get("data");
        config.fieldNames().forEachRemaining(name -> assertThat(readBySomeService(name)).as("a service reads %s", name).isTrue());

        JsonNode kafka = onlyOfKind(base, "Kafka");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.get("port").asInt());
        assertThat(listener.get("tls").asBoolean()).isFalse();
        assertThat(kafka.at("/spec/kafka/version").asText()).isEqualTo(System.getProperty("kafka.version"));

        JsonNode evaluator = resource(base, "Service", DeployedService.EXCLUSION_EVALUATOR.serviceName());
        assertThat(config.get("EXCLUSION_EVALUATOR_URL").asText())
                .isEqualTo("http://exclusion-evaluator" + (evaluator.at("/spec/ports/0/port").asInt() == 80 ? "" : ":" + evaluator.at("/spec/ports/0/port").asInt()));
    }

    @Test
    void theKafkaTopicsAreExactlyTheTopicsAndDeadLetterTopicsTheServicesUse() {
        List<JsonNode> base = baseResources();
        String cluster = onlyOfKind(base, "Kafka").at("/metadata/name").asText();
        Map<String, JsonNode> topics = base.stream().filter(r -> r.path("kind").asText().equals("KafkaTopic"))
                .collect(Collectors.toMap(r -> r.at("/spec/topicName").asText(), r -> r));

        Set<String> expected = new HashSet<>();
        for (Topic<?, ?> topic : Topics.all()) {
            expected.add(topic.name());
            expected.add(topic.dlqName());
            JsonNode config = topics.get(topic.name()).at("/spec/config");
            assertThat(config.path("cleanup.policy").asText()).as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            if (topic.compacted()) {
                assertThat(config.path("max.compaction.lag.ms").asText()).as("an erased record leaves %s within 7 days", topic.name())
                        .isEqualTo(String.valueOf(java.time.Duration.ofDays(7).toMillis()));
            }
        }
        assertThat(topics.keySet()).isEqualTo(expected);
        assertThat(topics.get(Topics.EVENTS.name()).at("/spec/config/retention.ms").asText()).as("the event log is kept").isEqualTo("-1");
        topics.values().forEach(t -> assertThat(t.at("/metadata/labels").get("strimzi.io/cluster").asText()).isEqualTo(cluster));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachOverlayBuildsWithKustomize(String overlay) throws Exception {
        assumeTrue(Kustomize.available(), "kubectl (with its built-in kustomize) is installed");
        List<JsonNode> rendered = Kustomize.build(K8S.resolve("overlays/" + overlay));

        for (DeployedService service : DeployedService.values()) {
            JsonNode workload = resource(rendered, service.kafkaStreams() ? "StatefulSet" : "Deployment", service.serviceName());
            assertThat(workload.at("/metadata/namespace").asText()).isEqualTo("seqengine");
            if (service.kafkaStreams()) {
                assertThat(workload.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
            }
        }
        if (overlay.equals("local")) {
            assertThat(resource(rendered, "Secret", SECRET).at("/data/ENROLLMENT_API_KEYS").isMissingNode()).isFalse();
        }
        rendered.stream().filter(r -> r.path("kind").asText().equals("Secret"))
                .forEach(s -> s.get("data").fieldNames().forEachRemaining(
                        name -> assertThat(readBySomeService(name)).as("a service reads %s", name).isTrue()));
        rendered.stream().filter(r -> r.path("kind").asText().equals("ConfigMap"))
                .forEach(c -> c.get("data").fieldNames().forEachRemaining(
                        name -> assertThat(readBySomeService(name)).as("a service reads %s", name).isTrue()));

        // the services join topics by key: every data topic has the same number of partitions
        Set<Integer> partitions = rendered.stream()
                .filter(r -> r.path("kind").asText().equals("KafkaTopic"))
                .filter(r -> r.at("/metadata/labels").path("seqengine.org/topic-kind").asText().equals("data"))
                .map(r -> r.at("/spec/partitions").asInt()).collect(Collectors.toSet());
        assertThat(partitions).hasSize(1);

        int kafkaNodes = onlyOfKind(rendered, "KafkaNodePool").at("/spec/replicas").asInt();
        int minIsr = onlyOfKind(rendered, "Kafka").at("/spec/kafka/config/min.insync.replicas").asInt();
        rendered.stream().filter(r -> r.path("kind").asText().equals("KafkaTopic"))
                .forEach(t -> assertThat(t.at("/spec/replicas").asInt()).as(t.at("/spec/topicName").asText())
                        .isBetween(minIsr, kafkaNodes));
        if (overlay.equals("production")) {
            assertThat(kafkaNodes).isEqualTo(3);
            assertThat(partitions).containsExactly(12);
            assertThat(resource(rendered, "StatefulSet", "enrollment-service").at("/spec/replicas").asInt()).isEqualTo(3);
        }
    }

    /** The documents with each image's registry dropped ({@code host/seqengine/x:v} becomes {@code seqengine/x:v}). */
    private static List<JsonNode> withoutImageRegistry(List<JsonNode> documents) {
        List<JsonNode> copies = documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        copies.forEach(KubernetesManifestsTest::dropImageRegistry);
        return copies;
    }

    private static void dropImageRegistry(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.path("image").isTextual()) {
            object.put("image", object.get("image").asText().replaceFirst("^.*/(seqengine/)", "$1"));
        }
        node.forEach(KubernetesManifestsTest::dropImageRegistry);
    }

    private static boolean readBySomeService(String variable) {
        for (DeployedService service : DeployedService.values()) {
            if (service.reads(variable)) {
                return true;
            }
        }
        return false;
    }

    /** The base's resources as Kustomize lists them (its kustomization's {@code resources}). */
    private static List<JsonNode> baseResources() {
        JsonNode kustomization = Yaml.documents(BASE.resolve("kustomization.yaml")).get(0);
        return java.util.stream.StreamSupport.stream(kustomization.get("resources").spliterator(), false)
                .flatMap(path -> Yaml.documents(BASE.resolve(path.asText())).stream())
                .toList();
    }

    private static JsonNode resource(List<JsonNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode onlyOfKind(List<JsonNode> resources, String kind) {
        List<JsonNode> found = resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("one %s", kind).hasSize(1);
        return found.get(0);
    }

    private static String projectVersion() {
        return System.getProperty("project.version");
    }
}
