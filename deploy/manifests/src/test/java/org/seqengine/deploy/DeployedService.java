package org.seqengine.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services a deployment runs, read from their real {@code application.properties}: the HTTP port,
 * and which environment variables each one reads. A deployment descriptor is checked against this, so a
 * renamed variable or a moved port fails the build instead of a rollout.
 */
public enum DeployedService {
    ENROLLMENT_SERVICE("enrollment-service", "enrollment-service", true),
    EXCLUSION_EVALUATOR("exclusion-evaluator", "exclusion-evaluator", true),
    STEP_SCHEDULER("step-scheduler", "step-scheduler", true),
    MAILER_SIMULATOR("mailer-simulator", "deploy/mailer-simulator", false);

    /** Variables every Quarkus service reads without naming them in its properties. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of(
            "JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_APP_JAR", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO",
            "KUBERNETES_NAMESPACE", "QUARKUS_PROFILE", "QUARKUS_HTTP_PORT", "QUARKUS_LOG_LEVEL");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final String serviceName;
    private final String moduleDir;
    private final boolean kafkaStreams;
    private Set<String> variables;

    DeployedService(String serviceName, String moduleDir, boolean kafkaStreams) {
        this.serviceName = serviceName;
        this.moduleDir = moduleDir;
        this.kafkaStreams = kafkaStreams;
    }

    /** The repository's root directory (set by the build; the working directory's grandparent otherwise). */
    public static Path projectRoot() {
        String root = System.getProperty("project.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
    }

    /** The name the service runs under: its Quarkus application name, image, Kubernetes and compose name. */
    public String serviceName() {
        return serviceName;
    }

    /** Whether it runs Kafka Streams (state on disk, instances addressed by {@code application.server}). */
    public boolean kafkaStreams() {
        return kafkaStreams;
    }

    public Path moduleDirectory() {
        return projectRoot().resolve(moduleDir);
    }

    /** The service's {@code application.properties}, as written (placeholders unresolved). */
    public Properties properties() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(moduleDirectory().resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The HTTP port the service listens on. */
    public int httpPort() {
        return Integer.parseInt(properties().getProperty("quarkus.http.port"));
    }

    /** The environment variables the service's properties name as {@code ${NAME...}}. */
    public Set<String> referencedVariables() {
        Set<String> names = new TreeSet<>();
        for (String value : properties().stringPropertyNames().stream().map(properties()::getProperty).toList()) {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Whether setting this environment variable changes the service's configuration: a variable its
     * properties name, the MicroProfile Config spelling of one of its (non-profile) keys
     * ({@code KAFKA_BOOTSTRAP_SERVERS} for {@code kafka.bootstrap.servers}), a setting of one of its
     * {@code @ConfigMapping} interfaces ({@link #configMappingVariables}), or a platform variable.
     */
    public boolean reads(String variable) {
        return PLATFORM_VARIABLES.contains(variable) || variables().contains(variable);
    }

    /** Every variable {@link #reads} accepts but the platform's, read from the sources once. */
    private synchronized Set<String> variables() {
        if (variables == null) {
            Set<String> names = new TreeSet<>(referencedVariables());
            properties().stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .map(DeployedService::environmentName)
                    .forEach(names::add);
            names.addAll(configMappingVariables());
            variables = Set.copyOf(names);
        }
        return variables;
    }

    /** MicroProfile Config's environment spelling of a property key. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The service with this name. */
    public static DeployedService named(String serviceName) {
        for (DeployedService s : values()) {
            if (s.serviceName.equals(serviceName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no service named " + serviceName);
    }

    private static final Pattern CONFIG_MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    /** A value setting of a mapping interface: {@code Duration commandTimeout();} (a nested group is no variable). */
    private static final Pattern VALUE_SETTING = Pattern.compile(
            "^\\s*(?:String|int|long|boolean|double|Integer|Long|Boolean|Duration|URI|Optional<\\w+>|Optional\\w*|List<String>|Set<String>)"
                    + "\\s+(\\w+)\\(\\);");

    /**
     * The environment variables of the settings the service's own {@code @ConfigMapping} interfaces declare
     * with their default in code rather than in application.properties ({@code ENROLLMENT_SUPPRESSION_SECRET}):
     * each top-level value method, as MicroProfile Config spells its kebab-case key for the environment.
     */
    public Set<String> configMappingVariables() {
        Set<String> names = new TreeSet<>();
        Path sources = moduleDirectory().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher prefix = CONFIG_MAPPING_PREFIX.matcher(source);
                if (prefix.find()) {
                    names.addAll(topLevelValueSettings(prefix.group(1), source.substring(prefix.end()).lines().toList()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The methods at depth 1 of the interface (inside its braces, outside nested types'). */
    private static List<String> topLevelValueSettings(String prefix, List<String> lines) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        for (String line : lines) {
            Matcher setting = VALUE_SETTING.matcher(line);
            if (depth == 1 && setting.find()) {
                String kebab = setting.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                names.add(environmentName(prefix + "." + kebab));
            }
            depth += (int) line.chars().filter(c -> c == '{').count() - (int) line.chars().filter(c -> c == '}').count();
        }
        return names;
    }
}
