package org.seqengine.bench.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.SendRequestRecord;

/**
 * Checks that every (enrollment, step) expected was asked for once and sent once: on
 * {@code steps.send-requests.v1} (read read_committed) exactly one request per enrollment and step,
 * and exactly one send of that request in the given counts — the mailer simulator's
 * ({@code GET /mailer/sends/{request_id}}), or the sends on {@code steps.delivery-results.v1}
 * ({@link #readSends}). Prints EVERY-STEP-SENT-EXACTLY-ONCE, or what is missing, asked twice or sent twice.
 */
public final class SendAudit {

    /** One send request as the topic holds it. */
    public record Request(String requestId, String enrollmentId, int stepIndex) {
        String step() {
            return SendAudit.step(enrollmentId, stepIndex);
        }
    }

    /** The verdict and its figures; {@code samples} holds a few offending steps of each kind. */
    public record Report(long expected, long requestRecords, long missingRequests, long stepsRequestedTwice,
                         long unexpectedRequests, long sentOnce, long neverSent, long sentMoreThanOnce,
                         long sendsOfUnknownRequests, long sends, List<String> samples) {

        public boolean exactlyOnce() {
            return missingRequests == 0 && stepsRequestedTwice == 0 && unexpectedRequests == 0 && neverSent == 0
                    && sentMoreThanOnce == 0 && sendsOfUnknownRequests == 0 && sentOnce == expected;
        }

        public String summary() {
            String figures = String.format("steps expected %,d; send requests %,d, steps without a request %,d, steps requested "
                            + "more than once %,d, requests nobody expected %,d; sends %,d, steps sent exactly once %,d, "
                            + "never sent %,d, sent more than once %,d, sends of unknown request ids %,d",
                    expected, requestRecords, missingRequests, stepsRequestedTwice, unexpectedRequests, sends, sentOnce,
                    neverSent, sentMoreThanOnce, sendsOfUnknownRequests);
            return (exactlyOnce() ? "EVERY-STEP-SENT-EXACTLY-ONCE" : "NOT-EVERY-STEP-SENT-EXACTLY-ONCE") + ": " + figures
                    + (samples.isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", samples));
        }
    }

    private SendAudit() {
    }

    /** The key of one step of one enrollment, as {@code expectedSteps} spells it. */
    public static String step(String enrollmentId, int stepIndex) {
        return enrollmentId + "#" + stepIndex;
    }

    /** Every send request committed on {@code steps.send-requests.v1}. */
    public static List<Request> readRequests(String bootstrap) {
        List<Request> requests = new ArrayList<>();
        Verifier.readAll(bootstrap, Topics.SEND_REQUESTS.name(), r -> {
            SendRequestRecord s = Topics.SEND_REQUESTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            requests.add(new Request(s.getRequestId(), s.getEnrollmentId(), s.getStepIndex()));
        });
        return requests;
    }

    /**
     * Sends per request id as {@code steps.delivery-results.v1} (read_committed) tells them: each
     * {@code SENT}, {@code BOUNCED} or {@code FAILED} result is one send attempt (a {@code REPLIED} or
     * {@code OPT_OUT} result follows a send, it is none itself).
     */
    public static Map<String, Long> readSends(String bootstrap) {
        Map<String, Long> sends = new HashMap<>();
        Verifier.readAll(bootstrap, Topics.DELIVERY_RESULTS.name(), r -> {
            DeliveryResultRecord d = Topics.DELIVERY_RESULTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (Set.of("SENT", "BOUNCED", "FAILED").contains(d.getOutcome())) {
                sends.merge(d.getRequestId(), 1L, Long::sum);
            }
        });
        return sends;
    }

    /**
     * @param expectedSteps  {@link #step} keys of every step that must have been sent
     * @param requests       the send requests on the topic
     * @param sendsByRequest sends per request id (ids not among {@code requests} count as unknown sends)
     */
    public static Report audit(Set<String> expectedSteps, Collection<Request> requests, Map<String, Long> sendsByRequest) {
        List<String> samples = new ArrayList<>();
        Map<String, List<Request>> requestsByStep = new HashMap<>();
        for (Request r : requests) {
            requestsByStep.computeIfAbsent(r.step(), k -> new ArrayList<>()).add(r);
        }
        long missing = 0;
        long twice = 0;
        long once = 0;
        long never = 0;
        long more = 0;
        Set<String> knownIds = new HashSet<>();
        requests.forEach(r -> knownIds.add(r.requestId()));
        for (String step : expectedSteps) {
            List<Request> asked = requestsByStep.getOrDefault(step, List.of());
            if (asked.isEmpty()) {
                missing++;
                sample(samples, "no send request: " + step);
            } else if (asked.size() > 1) {
                twice++;
                sample(samples, asked.size() + " send requests: " + step + " " + asked.stream().map(Request::requestId).toList());
            }
            long sent = asked.stream().map(Request::requestId).distinct()
                    .mapToLong(id -> sendsByRequest.getOrDefault(id, 0L)).sum();
            if (sent == 1) {
                once++;
            } else if (sent == 0) {
                never++;
                sample(samples, "never sent: " + step);
            } else {
                more++;
                sample(samples, "sent " + sent + " times: " + step);
            }
        }
        long unexpected = requestsByStep.keySet().stream().filter(s -> !expectedSteps.contains(s)).count();
        requestsByStep.keySet().stream().filter(s -> !expectedSteps.contains(s)).limit(3)
                .forEach(s -> sample(samples, "send request nobody expected: " + s));
        long unknown = 0;
        for (Map.Entry<String, Long> e : sendsByRequest.entrySet()) {
            if (!knownIds.contains(e.getKey()) && e.getValue() > 0) {
                unknown += e.getValue();
                sample(samples, "sent, but no such request on the topic: " + e.getKey());
            }
        }
        long sends = sendsByRequest.values().stream().mapToLong(Long::longValue).sum();
        return new Report(expectedSteps.size(), requests.size(), missing, twice, unexpected, once, never, more, unknown,
                sends, samples);
    }

    private static void sample(List<String> samples, String s) {
        if (samples.size() < 12) {
            samples.add(s);
        }
    }
}
