package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml as parsed YAML, with the compose short syntaxes (ports, volumes, environment) read out. */
record ComposeFile(Path path, JsonNode root) {

    /** A published port: {@code "8080:8080"}, {@code "127.0.0.1:8080:8080/tcp"} or the long syntax. */
    record PortMapping(int published, int target) {}

    /** A mount: a named volume ({@code kafka-data:/var/lib/kafka/data}) or a bind mount of a path ({@code ./x:/y:ro}). */
    record Mount(String source, String target) {
        boolean bind() {
            return source.startsWith(".") || source.startsWith("/");
        }
    }

    static ComposeFile read(Path path) {
        try {
            return new ComposeFile(path, new YAMLMapper().readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        assertThat(service.isObject()).as("service %s in %s", name, path).isTrue();
        return service;
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The environment of a service, from the map or the list ({@code - NAME=value}) syntax; values as written. */
    Map<String, String> environment(String name) {
        JsonNode env = service(name).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (env.isArray()) {
            env.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            env.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        }
        return variables;
    }

    List<PortMapping> ports(String name) {
        List<PortMapping> ports = new ArrayList<>();
        for (JsonNode port : service(name).path("ports")) {
            if (port.isObject()) {
                ports.add(new PortMapping(port.path("published").asInt(), port.path("target").asInt()));
            } else {
                String[] parts = port.asText().replaceAll("/(tcp|udp)$", "").split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int host = parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container;
                ports.add(new PortMapping(host, container));
            }
        }
        return ports;
    }

    List<Mount> mounts(String name) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(name).path("volumes")) {
            if (volume.isObject()) {
                mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText()));
            } else {
                String[] parts = volume.asText().split(":");
                mounts.add(new Mount(parts[0], parts[1]));
            }
        }
        return mounts;
    }

    /** The file or directory a bind mount's source names, relative to the compose file. */
    Path resolve(Mount mount) {
        return path.getParent().resolve(mount.source()).normalize();
    }

    /** The {@code depends_on} conditions of a service: dependency -> condition ({@code service_started} for the list syntax). */
    Map<String, String> dependsOn(String name) {
        JsonNode dependsOn = service(name).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> conditions.put(d.asText(), "service_started"));
        } else {
            dependsOn.fields().forEachRemaining(e -> conditions.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return conditions;
    }

    /** The healthcheck command as one string (CMD / CMD-SHELL list, or a plain string). */
    String healthcheck(String name) {
        JsonNode test = service(name).path("healthcheck").path("test");
        if (test.isArray()) {
            List<String> parts = new ArrayList<>();
            test.forEach(p -> parts.add(p.asText()));
            return String.join(" ", parts.subList(1, parts.size()));
        }
        return test.asText();
    }
}
