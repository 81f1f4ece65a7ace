package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.ComposeFile.Mount;
import org.seqengine.deploy.ComposeFile.PortMapping;

/**
 * docker-compose.yml, its Prometheus configuration and its Grafana dashboard against the services' real
 * configuration: a renamed variable, a moved port, a new Kafka version or a metric that no service serves
 * fails the build instead of {@code docker compose up}.
 */
class DockerComposeTest {

    /** The one-shot service that hands the Kafka Streams services' state volumes to the images' user. */
    private static final String STATE_VOLUMES_INIT = "state-volumes";

    private static final Path ROOT = DeployedService.projectRoot();
    private static final String KAFKA = "kafka";
    private static final String KAFKA_SERVICE_LISTENER_HOST = KAFKA;
    private static final Pattern LISTENER = Pattern.compile("([A-Z_]+)://([^:,]*):(\\d+)");
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)");

    private static ComposeFile compose;
    private static JsonNode prometheus;
    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        compose = ComposeFile.read(ROOT.resolve("docker-compose.yml"));
        prometheus = new YAMLMapper().readTree(ROOT.resolve("deploy/compose/prometheus/prometheus.yml").toFile());
        dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/compose/grafana/dashboards/seqengine.json").toFile());
    }

    // ---------------------------------------------------------------- the services

    @Test
    void runsEveryServiceFromTheImageTheBuildMakes() {
        for (DeployedService service : DeployedService.values()) {
            assertThat(compose.service(service.serviceName()).path("image").asText()).as(service.serviceName())
                    .isEqualTo("seqengine/" + service.serviceName() + ":" + buildProperty("project.version"));
        }
    }

    @Test
    void publishesEachServiceOnItsHttpPortAsTheLocalRunDoes() {
        for (DeployedService service : DeployedService.values()) {
            int port = service.httpPort();
            assertThat(compose.ports(service.serviceName())).as(service.serviceName())
                    .containsExactly(new PortMapping(port, port));
        }
        List<Integer> published = compose.serviceNames().stream()
                .flatMap(name -> compose.ports(name).stream()).map(PortMapping::published).toList();
        assertThat(published).as("host ports").doesNotHaveDuplicates();
    }

    @Test
    void setsOnlyVariablesTheServicesRead() {
        for (DeployedService service : DeployedService.values()) {
            for (String variable : compose.environment(service.serviceName()).keySet()) {
                assertThat(service.reads(variable)).as("%s reads %s", service.serviceName(), variable).isTrue();
            }
        }
    }

    @Test
    void everyServiceGetsTheSameKafkaApiKeysAndDayLength() {
        Map<String, Set<String>> valuesByVariable = new LinkedHashMap<>();
        for (DeployedService service : DeployedService.values()) {
            Map<String, String> env = compose.environment(service.serviceName());
            assertThat(env).as(service.serviceName()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "ENROLLMENT_API_KEYS");
            for (String shared : List.of("KAFKA_BOOTSTRAP_SERVERS", "ENROLLMENT_API_KEYS", "SCHEDULER_DAY_LENGTH", "ENROLLMENT_INTERNAL_TOKEN")) {
                if (env.containsKey(shared)) {
                    valuesByVariable.computeIfAbsent(shared, k -> new TreeSet<>()).add(env.get(shared));
                }
            }
        }
        valuesByVariable.forEach((variable, values) -> assertThat(values).as(variable + " on every service").hasSize(1));
        // step-scheduler and enrollment-service count out-of-office pauses in the same "days"
        assertThat(compose.environment("step-scheduler").get("SCHEDULER_DAY_LENGTH"))
                .isEqualTo(compose.environment("enrollment-service").get("SCHEDULER_DAY_LENGTH"));
    }

    @Test
    void servicesAddressKafkaAndEachOtherByTheirComposeNames() {
        String containerBootstrap = advertisedListeners().stream()
                .filter(l -> l.host().equals(KAFKA_SERVICE_LISTENER_HOST)).map(l -> l.host() + ":" + l.port())
                .findFirst().orElseThrow(() -> new AssertionError("no advertised listener for the other containers (host kafka)"));
        for (DeployedService service : DeployedService.values()) {
            Map<String, String> env = compose.environment(service.serviceName());
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(service.serviceName()).isEqualTo(containerBootstrap);
            for (Map.Entry<String, String> variable : env.entrySet()) {
                Matcher url = SERVICE_URL.matcher(variable.getValue());
                while (url.find()) {
                    assertThat(compose.serviceNames()).as(variable.getKey()).contains(url.group(1));
                    int port = Integer.parseInt(url.group(2));
                    assertThat(port).as(variable.getKey() + " = " + variable.getValue())
                            .isEqualTo(containerPortOf(url.group(1)));
                }
            }
        }
        assertThat(compose.environment("enrollment-service"))
                .containsEntry("EXCLUSION_EVALUATOR_URL", "http://exclusion-evaluator:" + DeployedService.EXCLUSION_EVALUATOR.httpPort());
    }

    @Test
    void kafkaStreamsServicesAdvertiseTheirNameAndKeepStateOnTheirOwnVolume() {
        Set<String> stateVolumes = new HashSet<>();
        for (DeployedService service : DeployedService.values()) {
            String name = service.serviceName();
            Map<String, String> env = compose.environment(name);
            if (!service.kafkaStreams()) {
                assertThat(env).as(name).doesNotContainKeys("ENROLLMENT_ADVERTISED_HOST", "ENROLLMENT_STATE_DIR");
                continue;
            }
            assertThat(env).as(name).containsEntry("ENROLLMENT_ADVERTISED_HOST", name);
            assertThat(env.getOrDefault("ENROLLMENT_ADVERTISED_PORT", String.valueOf(service.httpPort())))
                    .as(name + " advertised port").isEqualTo(String.valueOf(service.httpPort()));
            String stateDir = env.get("ENROLLMENT_STATE_DIR");
            assertThat(stateDir).as(name + " ENROLLMENT_STATE_DIR").isNotBlank();
            Mount state = compose.mounts(name).stream()
                    .filter(m -> stateDir.equals(m.target()) || stateDir.startsWith(m.target() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no volume holds " + stateDir));
            assertThat(state.bind()).as(name + " state on a named volume").isFalse();
            assertThat(stateVolumes.add(state.source())).as(name + " shares state volume " + state.source()).isTrue();
            // a new named volume is root's: the init service gives it to the image's user before the service starts
            assertThat(compose.mounts(STATE_VOLUMES_INIT)).as(STATE_VOLUMES_INIT + " mounts " + state.source())
                    .anyMatch(m -> m.source().equals(state.source()));
            assertThat(compose.root().at("/services/" + name + "/depends_on/" + STATE_VOLUMES_INIT + "/condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void everyServiceWaitsForAHealthyKafkaAndReportsItsReadiness() {
        for (DeployedService service : DeployedService.values()) {
            String name = service.serviceName();
            assertThat(compose.dependsOn(name)).as(name).containsEntry(KAFKA, "service_healthy");
            assertThat(compose.healthcheck(name)).as(name)
                    .contains("http://localhost:" + service.httpPort() + "/q/health/ready");
        }
        for (String name : compose.serviceNames()) {
            compose.dependsOn(name).forEach((dependency, condition) -> {
                assertThat(compose.serviceNames()).as(name + " depends on").contains(dependency);
                if (condition.equals("service_healthy")) {
                    assertThat(compose.healthcheck(dependency)).as(dependency + " healthcheck").isNotBlank();
                }
            });
        }
    }

    // ---------------------------------------------------------------- Kafka

    record Listener(String name, String host, int port) {}

    @Test
    void kafkaIsTheBuildsVersionInKraftModeWithAContainerAndAHostListener() {
        JsonNode kafka = compose.service(KAFKA);
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:" + buildProperty("kafka.version"));
        Map<String, String> env = compose.environment(KAFKA);
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
        assertThat(env.get("CLUSTER_ID")).as("a base64url UUID").matches("[A-Za-z0-9_-]{22}");

        Map<String, Listener> bound = listeners(env.get("KAFKA_LISTENERS")).stream()
                .collect(Collectors.toMap(Listener::name, l -> l));
        Set<String> protocols = Arrays.stream(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .map(entry -> entry.split(":")[0]).collect(Collectors.toSet());
        assertThat(protocols).containsAll(bound.keySet());
        String controller = env.get("KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(bound).containsKey(controller);
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo(env.get("KAFKA_NODE_ID") + "@" + KAFKA + ":" + bound.get(controller).port());
        assertThat(bound).containsKey(env.get("KAFKA_INTER_BROKER_LISTENER_NAME"));

        List<Listener> advertised = advertisedListeners();
        for (Listener listener : advertised) {
            assertThat(bound).as("advertised %s is bound", listener.name()).containsKey(listener.name());
            assertThat(bound.get(listener.name()).port()).as(listener.name()).isEqualTo(listener.port());
        }
        assertThat(advertised).extracting(Listener::name).doesNotContain(controller);
        Listener host = advertised.stream().filter(l -> l.host().equals("localhost")).findFirst()
                .orElseThrow(() -> new AssertionError("no listener advertised to the host (localhost)"));
        assertThat(compose.ports(KAFKA)).as("the host listener is published on its own port")
                .contains(new PortMapping(host.port(), host.port()));
        assertThat(advertised).extracting(Listener::host).contains(KAFKA_SERVICE_LISTENER_HOST);

        assertThat(compose.healthcheck(KAFKA)).contains("kafka-broker-api-versions.sh");
        Mount data = compose.mounts(KAFKA).stream().filter(m -> m.target().equals(env.get("KAFKA_LOG_DIRS"))).findFirst()
                .orElseThrow(() -> new AssertionError("KAFKA_LOG_DIRS is on no volume"));
        assertThat(data.bind()).isFalse();
    }

    @Test
    void topicsAreCreatedByTheServicesWithReplicasTheSingleBrokerHas() {
        Map<String, String> kafka = compose.environment(KAFKA);
        assertThat(kafka).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        for (String internal : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertThat(kafka).as("exactly_once_v2 on one broker").containsEntry(internal, "1");
        }
        for (DeployedService service : DeployedService.values()) {
            Map<String, String> env = compose.environment(service.serviceName());
            service.properties().stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%") && key.endsWith("topics.replication-factor"))
                    .forEach(key -> {
                        String factor = env.getOrDefault(DeployedService.environmentName(key), service.properties().getProperty(key));
                        assertThat(Integer.parseInt(factor)).as(service.serviceName() + " " + key).isEqualTo(1);
                    });
        }
    }

    // ---------------------------------------------------------------- Apicurio, volumes

    @Test
    void apicurioRunsInMemoryAndRegistryModeStaysOffUntilChosen() throws IOException {
        assertThat(compose.service("apicurio").path("image").asText()).isEqualTo("apicurio/apicurio-registry:3.1.7");
        assertThat(compose.environment("apicurio")).doesNotContainKey("APICURIO_STORAGE_KIND");
        for (DeployedService service : DeployedService.values()) {
            assertThat(compose.environment(service.serviceName())).as(service.serviceName())
                    .doesNotContainKey("SCHEMA_REGISTRY_URL");
        }
        String text = Files.readString(compose.path());
        long commented = text.lines().filter(l -> l.trim().equals("# SCHEMA_REGISTRY_URL: http://apicurio:"
                + containerPortOf("apicurio") + "/apis/registry/v3")).count();
        assertThat(commented).as("the registry-mode line, commented out, on every service").isEqualTo(DeployedService.values().length);
    }

    @Test
    void namedVolumesAreDeclaredAndMountedFilesExist() {
        Set<String> declared = new HashSet<>();
        compose.root().path("volumes").fieldNames().forEachRemaining(declared::add);
        Set<String> used = new HashSet<>();
        for (String name : compose.serviceNames()) {
            for (Mount mount : compose.mounts(name)) {
                if (mount.bind()) {
                    assertThat(compose.resolve(mount)).as(name + " mounts " + mount.source()).exists();
                } else {
                    assertThat(declared).as(name + " mounts volume " + mount.source()).contains(mount.source());
                    if (!name.equals(STATE_VOLUMES_INIT)) { // it only hands the state volumes to user 185
                        assertThat(used.add(mount.source())).as("volume " + mount.source() + " mounted once").isTrue();
                    }
                }
            }
        }
        assertThat(used).as("every declared volume is used").containsAll(declared);
    }

    // ---------------------------------------------------------------- Prometheus and Grafana

    @Test
    void prometheusScrapesEveryServiceAtItsPortAndMetricsPath() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        prometheus.path("scrape_configs").forEach(job -> jobs.put(job.path("job_name").asText(), job));
        for (DeployedService service : DeployedService.values()) {
            JsonNode job = jobs.get(service.serviceName());
            assertThat(job).as("a scrape job named " + service.serviceName() + " (the dashboard selects by job)").isNotNull();
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            assertThat(targets).containsExactly(service.serviceName() + ":" + service.httpPort());
        }
        String configFile = argument(compose.service("prometheus"), "--config.file=").orElseThrow();
        Mount config = compose.mounts("prometheus").stream().filter(m -> m.target().equals(configFile)).findFirst().orElseThrow();
        assertThat(compose.resolve(config)).isEqualTo(ROOT.resolve("deploy/compose/prometheus/prometheus.yml"));
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndTheDashboard() throws IOException {
        Path provisioning = bindMountSource("grafana", "/etc/grafana/provisioning");
        JsonNode datasource = new YAMLMapper().readTree(provisioning.resolve("datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:" + containerPortOf("prometheus"));
        JsonNode provider = new YAMLMapper().readTree(provisioning.resolve("dashboards/seqengine.yml").toFile())
                .path("providers").get(0);
        Path dashboards = bindMountSource("grafana", provider.path("options").path("path").asText());
        assertThat(dashboards.resolve("seqengine.json")).exists();
        String home = compose.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).isEqualTo(provider.path("options").path("path").asText() + "/seqengine.json");
        String uid = datasource.path("uid").asText();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo(uid));
        }
        assertThat(compose.ports("grafana")).contains(new PortMapping(3000, 3000));
        assertThat(compose.ports("prometheus")).contains(new PortMapping(9090, 9090));
    }

    @Test
    void everyDashboardQueryNamesMetricsItsServicesServe() {
        Map<String, Set<String>> served = new LinkedHashMap<>();
        for (DeployedService service : DeployedService.values()) {
            served.put(service.serviceName(), ServiceMetrics.of(service));
        }
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                PromQuery query = new PromQuery(target.path("expr").asText());
                String what = panel.path("title").asText() + ": " + query.expression();
                assertThat(query.metricNames()).as(what).isNotEmpty();
                Set<String> jobs = query.jobs().isEmpty() ? served.keySet() : query.jobs();
                assertThat(served.keySet()).as(what).containsAll(jobs);
                for (String metric : query.metricNames()) {
                    List<String> serving = jobs.stream().filter(job -> served.get(job).contains(metric)).toList();
                    if (query.jobs().isEmpty()) {
                        assertThat(serving).as(metric + " served by some service, in " + what).isNotEmpty();
                    } else {
                        assertThat(serving).as(metric + " served by every selected job, in " + what).containsExactlyElementsOf(jobs);
                    }
                }
            }
        }
    }

    @Test
    void theDashboardShowsWhatIssue10Asks() {
        Set<String> metrics = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(t -> metrics.addAll(new PromQuery(t.path("expr").asText()).metricNames())));
        assertThat(metrics).contains(
                "enrollment_commands_total",                      // commands/s, decisions by outcome
                "enrollment_dead_letters_total",                  // DLQ counts
                "http_server_requests_seconds_bucket",            // command latency (p50, p99)
                "scheduler_dispatch_lateness_seconds_bucket",     // scheduler lateness
                "kafka_consumer_fetch_manager_records_lag_max");  // consumer lag
        Set<Integer> ids = new HashSet<>();
        dashboard.path("panels").forEach(panel -> assertThat(ids.add(panel.path("id").asInt())).isTrue());
    }

    // ---------------------------------------------------------------- docker-compose itself

    @Test
    void validatesWithDockerCompose(@TempDir Path scratch) throws Exception {
        Optional<Path> dockerCompose = onPath("docker-compose");
        assumeThat(dockerCompose).as("docker-compose (Debian: apt-get install docker-compose) on PATH").isPresent();
        Result valid = run(dockerCompose.get().toString(), "-f", compose.path().toString(), "config", "-q");
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        // the check is no formality: without a daemon it still rejects a dependency on a missing service
        Path broken = scratch.resolve("docker-compose.yml");
        Files.writeString(broken, "services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: service_healthy\n");
        Result invalid = run(dockerCompose.get().toString(), "-f", broken.toString(), "config", "-q");
        assertThat(invalid.exitCode()).as(invalid.output()).isNotZero();
    }

    // ---------------------------------------------------------------- helpers

    private static List<Listener> advertisedListeners() {
        return listeners(compose.environment(KAFKA).get("KAFKA_ADVERTISED_LISTENERS"));
    }

    private static List<Listener> listeners(String spec) {
        List<Listener> listeners = new ArrayList<>();
        Matcher m = LISTENER.matcher(spec);
        while (m.find()) {
            listeners.add(new Listener(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
        }
        assertThat(listeners).as(spec).isNotEmpty();
        return listeners;
    }

    /** The port a service listens on inside its container: its HTTP port, or the target of its published port. */
    private static int containerPortOf(String name) {
        for (DeployedService service : DeployedService.values()) {
            if (service.serviceName().equals(name)) {
                return service.httpPort();
            }
        }
        List<PortMapping> ports = compose.ports(name);
        assertThat(ports).as(name + " ports").hasSize(1);
        return ports.get(0).target();
    }

    private static Path bindMountSource(String service, String target) {
        Mount mount = compose.mounts(service).stream().filter(m -> m.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + target));
        assertThat(mount.bind()).isTrue();
        Path source = compose.resolve(mount);
        assertThat(source).isDirectory();
        return source;
    }

    private static Optional<String> argument(JsonNode service, String prefix) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(a -> args.add(a.asText()));
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    /** A version of the build: the system property the module's surefire configuration sets, else the root pom's. */
    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        try {
            String pom = Files.readString(ROOT.resolve("pom.xml"));
            Pattern pattern = name.equals("project.version")
                    ? Pattern.compile("<artifactId>seqengine-parent</artifactId>\\s*<version>([^<]+)</version>")
                    : Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</");
            Matcher m = pattern.matcher(pom);
            assertThat(m.find()).as(name + " in pom.xml").isTrue();
            return m.group(1).trim();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Path> onPath(String binary) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, binary)).filter(Files::isExecutable).findFirst();
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws Exception {
        Path output = Files.createTempFile("docker-compose", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
