package org.seqengine.bench.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExcludedEvent;

/**
 * Checks exclusions against what the CRM changes said, from {@code enrollment.events.v1} read
 * read_committed: every enrollment that should be excluded has exactly one Excluded event, and no
 * other enrollment has one. Prints ALL-EXCLUSIONS-EXACTLY-ONCE, or what was missed, doubled or
 * wrongly excluded, with examples. Also counts the Exclude commands on {@code enrollment.commands.v1}
 * per person (information: enrollment-service decides each again, so a repeated command with
 * another id would end nothing twice; a repeat still shows the evaluator did work twice).
 */
public final class ExclusionVerifier {

    /** The verdict and its figures; {@code samples} holds a few offending enrollment ids of each kind. */
    public record Report(long expected, long excludedOnce, long missing, long excludedMoreThanOnce,
                         long unexpected, long excludedEvents, long excludeCommands,
                         long peopleWithSeveralExcludeCommands, List<String> samples) {

        public boolean exactlyOnce() {
            return missing == 0 && excludedMoreThanOnce == 0 && unexpected == 0 && excludedOnce == expected;
        }

        public String summary() {
            String figures = String.format("enrollments to exclude %,d, excluded exactly once %,d, missing %,d, "
                    + "excluded more than once %,d, excluded without a matching change %,d, Excluded events %,d; "
                    + "Exclude commands %,d, people with more than one %,d",
                    expected, excludedOnce, missing, excludedMoreThanOnce, unexpected, excludedEvents, excludeCommands,
                    peopleWithSeveralExcludeCommands);
            return (exactlyOnce() ? "ALL-EXCLUSIONS-EXACTLY-ONCE" : "NOT-ALL-EXCLUSIONS-EXACTLY-ONCE") + ": " + figures
                    + (samples.isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", samples));
        }
    }

    private ExclusionVerifier() {
    }

    /**
     * @param shouldBeExcluded the enrollment ids whose person was made to match a removing rule
     */
    public static Report verify(String bootstrap, Set<String> shouldBeExcluded) {
        Map<String, Integer> excluded = new HashMap<>();
        long[] events = new long[1];
        Verifier.readAll(bootstrap, Topics.EVENTS.name(), r -> {
            EventEnvelope e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (e.getPayload() instanceof ExcludedEvent) {
                events[0]++;
                excluded.merge(e.getEnrollmentId(), 1, Integer::sum);
            }
        });
        Map<String, Integer> commandsByPerson = new HashMap<>();
        Verifier.readAll(bootstrap, Topics.COMMANDS.name(), r -> {
            CommandEnvelope c = Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (c.getPayload() instanceof ExcludeCommand) {
                commandsByPerson.merge(c.getPersonId(), 1, Integer::sum);
            }
        });
        List<String> samples = new ArrayList<>();
        long once = 0;
        long missing = 0;
        long several = 0;
        for (String id : shouldBeExcluded) {
            int n = excluded.getOrDefault(id, 0);
            if (n == 1) {
                once++;
            } else if (n == 0) {
                missing++;
                sample(samples, "not excluded: enrollment " + id);
            } else {
                several++;
                sample(samples, n + " Excluded events: enrollment " + id);
            }
        }
        long unexpected = 0;
        for (String id : excluded.keySet()) {
            if (!shouldBeExcluded.contains(id)) {
                unexpected++;
                sample(samples, "excluded without a matching change: enrollment " + id);
            }
        }
        return new Report(shouldBeExcluded.size(), once, missing, several, unexpected, events[0],
                commandsByPerson.values().stream().mapToLong(Integer::longValue).sum(),
                commandsByPerson.values().stream().filter(n -> n > 1).count(), samples);
    }

    private static void sample(List<String> samples, String s) {
        if (samples.size() < 9) {
            samples.add(s);
        }
    }
}
