package org.seqengine.seqctl;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.serde.SchemaHistory;
import org.seqengine.schemas.serde.registry.RegistryUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schemas", mixinStandardHelpOptions = true, description = "The topics' schemas in a schema registry.",
        subcommands = SchemasCommand.Register.class)
final class SchemasCommand {

    static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

    /**
     * Registers every released version of each topic's value record (schemas/src/main/resources/schema-history),
     * oldest first, under the subject {@code <topic>-value} through the Confluent-compatible API, then sets
     * {@value #COMPATIBILITY} on the subject. Versions already under the subject and a compatibility already
     * set are left alone, so a re-run changes nothing. The services never register schemas themselves.
     */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register the released schema versions of every topic (subject <topic>-value, oldest first) "
                    + "and set " + COMPATIBILITY + " on each subject. Idempotent.")
    static final class Register implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--registry", paramLabel = "URL",
                description = "The Apicurio Registry: its base URL (e.g. http://localhost:8084, docker compose's) or its Confluent API URL "
                        + "(.../apis/ccompat/v7). Default: $SCHEMA_REGISTRY_URL.")
        String registry;

        @Override
        public Integer call() {
            SeqCtl root = (SeqCtl) spec.root().userObject();
            String setting = registry != null ? registry : root.env("SCHEMA_REGISTRY_URL");
            if (setting == null || setting.isBlank()) {
                throw new CliException(CliException.USAGE, "no registry: pass --registry URL or set SCHEMA_REGISTRY_URL");
            }
            ConfluentRegistryClient client = new ConfluentRegistryClient(RegistryUrls.confluentApi(setting));
            PrintWriter out = spec.commandLine().getOut();
            int subjects = 0;
            int registered = 0;
            int present = 0;
            int compatibilitySet = 0;
            int skipped = 0;
            for (Topic<?, ?> topic : Topics.all()) {
                if (topic.avroValueType().isEmpty()) {
                    out.println(topic.name() + ": skipped, its value is not an Avro record ("
                            + topic.valueSerde().getClass().getSimpleName() + ")");
                    skipped++;
                    continue;
                }
                String subject = topic.name() + "-value";
                List<Schema> versions = SchemaHistory.versions(topic.avroValueType().get());
                int added = 0;
                for (Schema version : versions) {
                    OptionalInt existing = client.versionOf(subject, version);
                    if (existing.isEmpty()) {
                        client.register(subject, version);
                        added++;
                    }
                }
                boolean setNow = !COMPATIBILITY.equals(client.compatibility(subject));
                if (setNow) {
                    client.setCompatibility(subject, COMPATIBILITY);
                }
                out.println(subject + ": " + versions.size() + " released version(s), " + added + " registered, "
                        + (versions.size() - added) + " already there; " + COMPATIBILITY + (setNow ? " set" : " already set"));
                subjects++;
                registered += added;
                present += versions.size() - added;
                compatibilitySet += setNow ? 1 : 0;
            }
            out.println("registry: " + client.url());
            out.println("subjects: " + subjects + ", versions registered: " + registered + ", already there: " + present
                    + ", compatibility set: " + compatibilitySet + ", topics skipped (not Avro): " + skipped);
            out.flush();
            return 0;
        }
    }
}
