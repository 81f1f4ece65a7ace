package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "exclusion-list", mixinStandardHelpOptions = true, description = "Exclusion lists (a COMPANY rule: domain in the list).",
        subcommands = ExclusionListCommand.Upload.class)
final class ExclusionListCommand {

    /** {@code PUT /exclusion-lists/{id}} with the file as is (the API parses and validates it, naming bad rows). */
    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Create or replace an exclusion list from a CSV (columns domain, optional company_name).")
    static final class Upload implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "LIST_ID")
        String listId;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--name", description = "The list's (and its rule's) name.")
        String name;

        @Override
        public Integer call() {
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CliException(CliException.USAGE, "cannot read " + file + ": " + e.getClass().getSimpleName());
            }
            ApiClient client = api.client();
            String path = "/exclusion-lists/" + ApiClient.encode(listId) + (name != null ? "?name=" + ApiClient.encode(name) : "");
            ApiClient.Response response = ApiClient.once(() -> client.put(path, body, "text/csv"));
            if (!response.ok()) {
                PrintWriter err = spec.commandLine().getErr();
                for (JsonNode error : response.body().path("errors")) {
                    err.println("  " + error.path("path") + " " + error.path("code").asText() + ": " + error.path("message").asText());
                }
                err.flush();
            }
            JsonNode list = ApiClient.expectOk(response, "PUT /exclusion-lists/" + listId).body();
            PrintWriter out = spec.commandLine().getOut();
            out.println("exclusion list " + list.path("id").asText() + " (" + list.path("name").asText() + "): "
                    + list.path("count").asInt() + " companies");
            out.flush();
            return 0;
        }
    }
}
