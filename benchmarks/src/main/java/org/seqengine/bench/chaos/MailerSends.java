package org.seqengine.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mailer simulator's counts, as {@code GET /mailer/sends} and {@code GET /mailer/sends/{request_id}}
 * answer them (deploy/mailer-simulator README). Its ledger is rebuilt at start-up from the committed
 * delivery results, so the counts run on across a restart.
 */
public final class MailerSends {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code GET /mailer/sends}: emails sent, requests sent at least once, repeats received (not sent), requests sent twice or more. */
    public record Summary(long totalSends, long distinctRequests, long duplicatesReceived, long sentMoreThanOnceCount) {
    }

    private MailerSends() {
    }

    public static Summary summary(String body) {
        JsonNode n = read(body);
        return new Summary(number(n, "total_sends"), number(n, "distinct_requests"), number(n, "duplicates_received"),
                number(n, "sent_more_than_once_count"));
    }

    /** {@code GET /mailer/sends/{request_id}}: how often that request was sent (0 when never received). */
    public static long sendsOfRequest(String body) {
        return number(read(body), "sends");
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("no number " + field + " in " + n);
        }
        return v.asLong();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
