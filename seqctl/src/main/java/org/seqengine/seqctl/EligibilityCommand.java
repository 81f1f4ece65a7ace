package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code GET /people/{id}/eligibility}: whether the person could enter the sequence now, each stopping check as a table row. */
@Command(name = "eligibility", mixinStandardHelpOptions = true, description = "Explain whether a person can be enrolled into a sequence now.")
final class EligibilityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "PERSON_ID")
    String personId;

    @Option(names = "--sequence", required = true, paramLabel = "ID")
    String sequenceId;

    @Option(names = "--mailbox", split = ",", paramLabel = "EMAIL", description = "Sending mailbox emails (comma-separated).")
    List<String> mailboxes = new ArrayList<>();

    @Override
    public Integer call() {
        ApiClient client = api.client();
        String path = "/people/" + ApiClient.encode(personId) + "/eligibility?sequence_id=" + ApiClient.encode(sequenceId)
                + (mailboxes.isEmpty() ? "" : "&mailbox_emails=" + ApiClient.encode(String.join(",", mailboxes)));
        JsonNode view = ApiClient.expectOk(ApiClient.once(() -> client.get(path)), "GET eligibility").body();
        PrintWriter out = spec.commandLine().getOut();
        boolean eligible = view.path("eligible").asBoolean();
        out.println("person " + personId + ", sequence " + sequenceId + ": " + (eligible ? "ELIGIBLE" : "NOT ELIGIBLE"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CODE", "LEVEL", "RULE", "DETAIL", "MESSAGE"});
        for (JsonNode reason : view.path("reasons")) {
            rows.add(new String[] {text(reason, "code"), text(reason, "level"), text(reason, "rule_id"), detail(reason), text(reason, "message")});
        }
        if (rows.size() > 1) out.print(table(rows));
        else out.println("no check stops this person");
        out.flush();
        return 0;
    }

    /** The reason's specifics: the active enrollment, or the company's limit and count. */
    private static String detail(JsonNode reason) {
        List<String> parts = new ArrayList<>();
        if (reason.hasNonNull("active_enrollment_id")) parts.add("enrollment " + reason.get("active_enrollment_id").asText());
        if (reason.hasNonNull("active_sequence_id")) parts.add("in sequence " + reason.get("active_sequence_id").asText());
        if (reason.hasNonNull("company_domain")) parts.add(reason.get("company_domain").asText());
        if (reason.hasNonNull("limit")) parts.add(reason.path("active_count").asText("?") + "/" + reason.get("limit").asText() + " active");
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? "-" : value.asText();
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    static String table(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], row[i].length());
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                text.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }
}
