package org.seqengine.seqctl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Enrolls every person of a CSV ({@code person_id} column) into a sequence, one {@code POST /enrollments}
 * per row. Each row's {@code Idempotency-Key} is derived from the file's hash, the row's line and
 * the person, so running the same file again (after a crash, a Ctrl-C, failed rows) enrolls nobody twice.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll the people of a CSV (header with a person_id column) into a sequence.")
final class EnrollCommand implements Callable<Integer> {

    static final String PERSON_ID = "person_id";

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The people: a header row with a person_id column.")
    Path csv;

    @Option(names = "--sequence", required = true, paramLabel = "ID", description = "The sequence id.")
    String sequenceId;

    @Option(names = "--mailbox", split = ",", paramLabel = "EMAIL", description = "Sending mailbox emails (comma-separated).")
    List<String> mailboxes = new ArrayList<>();

    @Option(names = "--rejections", paramLabel = "FILE",
            description = "Where to write the rows not enrolled (default: <csv>.rejections.csv).")
    Path rejectionsFile;

    @Option(names = "--parallel", defaultValue = "4", description = "Rows in flight at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--attempts", defaultValue = "4", description = "Attempts per row on 429/5xx/unreachable (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--retry-backoff-ms", defaultValue = "500", description = "First retry pause; doubles each attempt (default ${DEFAULT-VALUE}).")
    long backoffMillis;

    /** A row not enrolled: rejected by a rule, invalid in the file, or failed (retryable by running the file again). */
    record Rejection(long line, String personId, String code, String message, Kind kind) {}

    enum Kind { INVALID, REJECTED, FAILED }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!CsvInput.isUuid(sequenceId)) throw new CliException(CliException.USAGE, "--sequence must be a UUID: " + sequenceId);
        CsvInput input = CsvInput.read(csv);
        if (!input.hasColumn(PERSON_ID)) {
            throw new CliException(CliException.USAGE, csv + " has no " + PERSON_ID + " column (header: " + String.join(",", input.header()) + ")");
        }
        ApiClient client = api.client();
        String fileHash = input.sha256().substring(0, 32);
        Path rejectionsPath = rejectionsFile != null ? rejectionsFile : Path.of(csv + ".rejections.csv");

        List<Rejection> notEnrolled = new ArrayList<>();
        List<CsvInput.Row> valid = new ArrayList<>();
        for (CsvInput.Row row : input.rows()) {
            String personId = row.get(PERSON_ID);
            if (personId == null) {
                notEnrolled.add(new Rejection(row.line(), "", "MISSING_PERSON_ID", "person_id is missing or blank", Kind.INVALID));
            } else if (!CsvInput.isUuid(personId)) {
                notEnrolled.add(new Rejection(row.line(), personId, "INVALID_PERSON_ID", "person_id is not a UUID", Kind.INVALID));
            } else {
                valid.add(row);
            }
        }
        for (Rejection bad : notEnrolled) {
            err.println("line " + bad.line() + ": skipped, " + bad.message() + (bad.personId().isEmpty() ? "" : " (" + bad.personId() + ")"));
        }

        Retrying retrying = new Retrying(attempts, backoffMillis);
        checkSequence(client, retrying);
        Progress progress = new Progress(err, "enroll");
        AtomicInteger done = new AtomicInteger();
        AtomicReference<CliException> abort = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        List<Future<Rejection>> results = new ArrayList<>();
        try {
            for (CsvInput.Row row : valid) {
                results.add(pool.submit(() -> {
                    if (abort.get() != null) return null;
                    try {
                        return enroll(client, retrying, fileHash, row);
                    } catch (CliException e) { // a refused key: stop the other rows too
                        abort.compareAndSet(null, e);
                        return null;
                    } finally {
                        synchronized (progress) {
                            progress.show(done.incrementAndGet(), valid.size(), null);
                        }
                    }
                }));
            }
            for (Future<Rejection> result : results) {
                Rejection rejection = result.get();
                if (rejection != null) notEnrolled.add(rejection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        } catch (ExecutionException e) {
            throw new CliException(CliException.FAILED, "unexpected error: " + e.getCause());
        } finally {
            pool.shutdownNow();
            progress.done();
        }
        if (abort.get() != null) throw abort.get();
        long created = valid.size() - notEnrolled.stream().filter(r -> r.kind() != Kind.INVALID).count();

        notEnrolled.sort(java.util.Comparator.comparingLong(Rejection::line));
        writeRejections(rejectionsPath, notEnrolled);
        printSummary(out, input.rows().size(), created, notEnrolled, rejectionsPath);
        return notEnrolled.stream().anyMatch(r -> r.kind() == Kind.FAILED) ? CliException.FAILED : 0;
    }

    /** Fails fast, before any row, when the API is unreachable, refuses the key, or knows no such sequence. */
    private void checkSequence(ApiClient client, Retrying retrying) {
        Retrying.Outcome outcome = retrying.run(() -> client.get("/sequences/" + sequenceId));
        if (outcome.response() == null) throw new CliException(CliException.FAILED, outcome.unreachable().getMessage());
        if (outcome.response().status() == 404) {
            throw new CliException(CliException.USAGE, "no sequence " + sequenceId + " (404): nothing enrolled");
        }
        ApiClient.expectOk(outcome.response(), "GET /sequences/" + sequenceId);
    }

    /** One row's POST (retried): null when created, else why not. */
    private Rejection enroll(ApiClient client, Retrying retrying, String fileHash, CsvInput.Row row) {
        String personId = row.get(PERSON_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence_id", sequenceId);
        body.put("person_id", personId);
        if (!mailboxes.isEmpty()) body.put("mailbox_emails", mailboxes.stream().map(String::trim).toList());
        Map<String, String> headers = Map.of("Idempotency-Key", idempotencyKey(fileHash, row.line(), personId));
        Retrying.Outcome outcome = retrying.run(() -> client.postJson("/enrollments", body, headers));
        if (outcome.response() == null) {
            return new Rejection(row.line(), personId, "UNREACHABLE", outcome.unreachable().getMessage(), Kind.FAILED);
        }
        ApiClient.Response response = outcome.response();
        if (response.ok()) return null;
        Kind kind = Retrying.retryable(response) ? Kind.FAILED : Kind.REJECTED;
        return new Rejection(row.line(), personId, rejectionCode(response), response.message(), kind);
    }

    /** Stable per file content, row and person: a re-run sends the same key, so the API answers the first outcome. */
    static String idempotencyKey(String fileHash, long line, String personId) {
        return "seqctl-enroll-" + fileHash + "-" + line + "-" + personId.toLowerCase();
    }

    /** The rejection's code: {@code errors[0].code}; a 409 without one is the active enrollment. */
    static String rejectionCode(ApiClient.Response response) {
        if (response.body().path("errors").path(0).path("code").isTextual()) return response.code();
        if (response.status() == 409 && (response.body().has("active_enrollment_id") || response.body().path("status").asText().equals("conflict"))) {
            return "ALREADY_ENROLLED_ACTIVE";
        }
        return response.code();
    }

    private static void writeRejections(Path path, List<Rejection> rejections) {
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("line", "person_id", "code", "message").get())) {
            for (Rejection r : rejections) printer.printRecord(r.line(), r.personId(), r.code(), r.message());
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot write " + path + ": " + e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, int rows, long created, List<Rejection> notEnrolled, Path rejectionsPath) {
        out.println("rows: " + rows);
        out.println("created: " + created);
        for (Kind kind : Kind.values()) {
            Map<String, Integer> byCode = new TreeMap<>();
            notEnrolled.stream().filter(r -> r.kind() == kind).forEach(r -> byCode.merge(r.code(), 1, Integer::sum));
            int total = byCode.values().stream().mapToInt(Integer::intValue).sum();
            out.println(switch (kind) {
                case INVALID -> "invalid (skipped): ";
                case REJECTED -> "rejected: ";
                case FAILED -> "failed: ";
            } + total);
            byCode.forEach((code, count) -> out.println("  " + code + ": " + count));
            if (kind == Kind.FAILED && total > 0) out.println("  (run the same file again: created rows are not enrolled twice)");
        }
        out.println("not enrolled, by line: " + rejectionsPath + " (" + notEnrolled.size() + " rows)");
        out.flush();
    }
}
