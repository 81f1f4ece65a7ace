package org.seqengine.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.seqengine.schemas.Samples;

/**
 * Release utilities, run on demand only (see schemas/README.md, "Releasing a schema version").
 *
 * <ul>
 *   <li>{@code -Dschemas.write-history=true}: for every top-level record whose current schema differs
 *       from its latest released version (or has none), writes
 *       {@code src/main/resources/schema-history/<Record>/v<N+1>.avsc} and updates {@code index.txt}.
 *       Never touches an existing file.</li>
 *   <li>{@code -Dschemas.write-golden=true}: for every top-level record whose latest released version
 *       has no golden sample, writes {@code src/test/resources/golden/<Record>/v<N>.bin} from
 *       {@link Samples} (single-object encoded with the current schema, which must be that version).</li>
 * </ul>
 *
 * <pre>./mvnw -o -pl schemas test -Dtest=SchemaReleaseTool -Dschemas.write-history=true -Dschemas.write-golden=true</pre>
 *
 * (The name does not end in Test, so a normal build does not pick it up.)
 */
class SchemaReleaseTool {

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    @Test
    @EnabledIfSystemProperty(named = "schemas.write-history", matches = "true")
    void writeHistory() throws IOException {
        Path root = moduleDir().resolve("src/main/resources/schema-history");
        Files.createDirectories(root);
        Path index = root.resolve("index.txt");
        TreeSet<String> entries = new TreeSet<>();
        if (Files.exists(index)) {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.strip());
                }
            }
        }
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            Schema current = SpecificData.getForClass(type).getSchema(type);
            String name = type.getSimpleName();
            int released = (int) entries.stream().filter(e -> e.startsWith(name + "/")).count();
            List<Schema> versions = new ArrayList<>();
            for (int v = 1; v <= released; v++) {
                versions.add(new Schema.Parser().parse(root.resolve(name + "/v" + v + ".avsc").toFile()));
            }
            if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(current)) {
                continue;
            }
            String entry = name + "/v" + (released + 1) + ".avsc";
            Path file = root.resolve(entry);
            assertThat(file).as("refusing to overwrite a released schema").doesNotExist();
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n", StandardCharsets.UTF_8);
            entries.add(entry);
            System.out.println("released " + entry);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Released schema versions: <RecordName>/v<N>.avsc, one per line. Never edit a released file.");
        lines.addAll(entries);
        Files.write(index, lines, StandardCharsets.UTF_8);
    }

    @Test
    @EnabledIfSystemProperty(named = "schemas.write-golden", matches = "true")
    void writeGolden() throws IOException {
        Path root = moduleDir().resolve("src/test/resources/golden");
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            String name = type.getSimpleName();
            int latest = SchemaHistory.versions(type).size();
            assertThat(latest).as("release %s before writing its golden sample", name).isPositive();
            Schema current = SpecificData.getForClass(type).getSchema(type);
            assertThat(SchemaHistory.versions(type).get(latest - 1)).as("current schema of %s is released", name).isEqualTo(current);
            Path file = root.resolve(name + "/v" + latest + ".bin");
            if (Files.exists(file)) {
                continue;
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            byte[] bytes = ((AvroSerde) AvroSerdes.forClass(type)).encode(Samples.all().get(type));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            System.out.println("wrote golden " + file);
        }
    }
}
