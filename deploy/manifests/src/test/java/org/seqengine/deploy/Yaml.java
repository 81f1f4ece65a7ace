package org.seqengine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Reads (multi-document) YAML into trees. */
final class Yaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document of a YAML file. */
    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every non-empty document of a YAML text. */
    static List<JsonNode> documents(String text) {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            return docs.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML", e);
        }
    }
}
