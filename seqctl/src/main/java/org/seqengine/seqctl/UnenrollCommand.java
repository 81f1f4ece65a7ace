package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A bulk unenroll from a CSV ({@code enrollment_id} or {@code company_domain} column): one
 * {@code POST /unenroll-jobs} (its Idempotency-Key from the file's hash: a re-run follows the same job), then
 * the job is followed until it completes.
 */
@Command(name = "unenroll", mixinStandardHelpOptions = true,
        description = "Unenroll the enrollments (enrollment_id column) or companies (company_domain column) of a CSV, as one job.")
final class UnenrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(names = "--csv", required = true, paramLabel = "FILE")
    Path csv;

    @Option(names = "--reason", description = "Recorded on the job.")
    String reason;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Poll interval (default ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsvInput input = CsvInput.read(csv);
        boolean ids = input.hasColumn("enrollment_id");
        boolean domains = input.hasColumn("company_domain");
        if (ids == domains) {
            throw new CliException(CliException.USAGE, csv + " needs exactly one of the columns enrollment_id, company_domain (header: "
                    + String.join(",", input.header()) + ")");
        }
        String column = ids ? "enrollment_id" : "company_domain";
        List<String> values = new ArrayList<>();
        for (CsvInput.Row row : input.rows()) {
            String value = row.get(column);
            if (value == null) err.println("line " + row.line() + ": skipped, " + column + " is missing or blank");
            else if (ids && !CsvInput.isUuid(value)) err.println("line " + row.line() + ": skipped, enrollment_id is not a UUID (" + value + ")");
            else values.add(value);
        }
        if (values.isEmpty()) throw new CliException(CliException.USAGE, csv + " has no valid " + column + " rows");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put(ids ? "enrollment_ids" : "company_domains", values);
        if (reason != null) body.put("reason", reason);
        ApiClient client = api.client();
        Map<String, String> headers = Map.of("Idempotency-Key", "seqctl-unenroll-" + input.sha256().substring(0, 32));
        JsonNode job = ApiClient.expectOk(ApiClient.once(() -> client.postJson("/unenroll-jobs", body, headers)), "POST /unenroll-jobs").body();
        String id = job.path("id").asText();
        out.println("unenroll job " + id + ": " + values.size() + " " + (ids ? "enrollment ids" : "company domains"));
        out.flush();
        return new JobWatcher(client, Duration.ofMillis(intervalMillis)).watch("/unenroll-jobs/" + id, out, err);
    }
}
