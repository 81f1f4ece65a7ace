package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** Follows a job ({@code GET /<kind>-jobs/{id}}) with a progress line until it is no longer RUNNING, then prints its counts. */
final class JobWatcher {

    private final ApiClient client;
    private final Duration interval;
    private final Retrying retrying;

    JobWatcher(ApiClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
        this.retrying = new Retrying(5, Math.max(100, interval.toMillis()));
    }

    /** Exit code: 0 when the job COMPLETED without failures, 1 otherwise. */
    int watch(String path, PrintWriter out, PrintWriter err) {
        Progress progress = new Progress(err, path.substring(1));
        JsonNode job;
        while (true) {
            Retrying.Outcome outcome = retrying.run(() -> client.get(path));
            if (outcome.response() == null) throw new CliException(CliException.FAILED, outcome.unreachable().getMessage());
            job = ApiClient.expectOk(outcome.response(), "GET " + path).body();
            String state = job.path("state").asText("");
            progress.show(job.path("processed").asLong(), job.path("total").asLong(), state);
            if (!state.equals("RUNNING") && !state.equals("PENDING") && !state.isEmpty()) break;
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(CliException.FAILED, "interrupted");
            }
        }
        progress.done();
        printCounts(job, out);
        boolean completed = job.path("state").asText().equals("COMPLETED");
        return completed && job.path("failed").asInt(0) == 0 ? 0 : CliException.FAILED;
    }

    /** The job's state, then every count it has (and each count-by-reason map), in the answer's order. */
    static void printCounts(JsonNode job, PrintWriter out) {
        out.println(job.path("kind").asText("job").toLowerCase() + " job " + job.path("id").asText() + ": " + job.path("state").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = job.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                out.println("  " + field.getKey() + ": " + field.getValue().asText());
            } else if (field.getValue().isObject() && field.getValue().size() > 0) {
                out.println("  " + field.getKey() + ":");
                field.getValue().fields().forEachRemaining(e -> out.println("    " + e.getKey() + ": " + e.getValue().asText()));
            }
        }
        if (job.path("error").isTextual()) out.println("  error: " + job.path("error").asText());
        out.flush();
    }
}
