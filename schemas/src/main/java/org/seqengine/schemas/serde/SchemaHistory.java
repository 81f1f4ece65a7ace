package org.seqengine.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Every released version of every top-level schema, loaded from the jar.
 *
 * <p>Released versions live under {@code schema-history/<RecordName>/v<N>.avsc} (fully resolved
 * schema JSON) and are listed, one {@code <RecordName>/v<N>.avsc} per line, in
 * {@code schema-history/index.txt}, so loading needs no classpath scanning. A released file is never
 * edited; a changed schema gets a new {@code vN+1} file (see schemas/README.md).
 */
public final class SchemaHistory {

    public static final String ROOT = "schema-history/";
    public static final String INDEX = ROOT + "index.txt";

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)/v([1-9][0-9]*)\\.avsc$");

    private static final Map<String, List<Schema>> HISTORY = load();

    private SchemaHistory() {
    }

    /** Record simple name -> its released versions, oldest (v1) first. */
    public static Map<String, List<Schema>> all() {
        return HISTORY;
    }

    /** The released versions of a record (by simple name), oldest first; empty if none. */
    public static List<Schema> versions(String recordName) {
        return HISTORY.getOrDefault(recordName, List.of());
    }

    /** The released versions of a generated record class, oldest first; empty if none. */
    public static List<Schema> versions(Class<?> recordClass) {
        return versions(recordClass.getSimpleName());
    }

    private static Map<String, List<Schema>> load() {
        ClassLoader cl = SchemaHistory.class.getClassLoader();
        Map<String, Map<Integer, Schema>> byName = new LinkedHashMap<>();
        for (String entry : readLines(cl, INDEX)) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalStateException("bad entry in " + INDEX + ": '" + entry + "'");
            }
            String name = m.group(1);
            int version = Integer.parseInt(m.group(2));
            Schema schema;
            try (InputStream in = open(cl, ROOT + entry)) {
                schema = new Schema.Parser().parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ROOT + entry, e);
            }
            if (!name.equals(schema.getName())) {
                throw new IllegalStateException(ROOT + entry + " holds record " + schema.getName());
            }
            byName.computeIfAbsent(name, k -> new java.util.TreeMap<>()).put(version, schema);
        }
        Map<String, List<Schema>> result = new LinkedHashMap<>();
        byName.forEach((name, versions) -> {
            int expected = 1;
            for (int v : versions.keySet()) {
                if (v != expected++) {
                    throw new IllegalStateException("versions of " + name + " are not contiguous from v1: " + versions.keySet());
                }
            }
            result.put(name, List.copyOf(versions.values()));
        });
        return Collections.unmodifiableMap(result);
    }

    private static List<String> readLines(ClassLoader cl, String resource) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(cl, resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }

    private static InputStream open(ClassLoader cl, String resource) throws IOException {
        InputStream in = cl.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource not found: " + resource);
        }
        return in;
    }
}
