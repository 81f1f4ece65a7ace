package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.domain.Fixtures.ORG;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.seqengine.enrollment.domain.company.CompanyLedger;
import org.seqengine.enrollment.domain.company.LedgerEntries;
import org.seqengine.enrollment.domain.company.LedgerEntry;
import org.seqengine.enrollment.domain.reference.CompanyReplyPolicy;
import org.seqengine.enrollment.domain.reference.MailboxOwnershipPolicy;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Ruleset;

/**
 * The reservation design end to end, over the same pure functions the two processors run: colleagues'
 * commands queue per person (a commands-topic partition), ledger entries queue per domain (a ledger
 * partition), and the steps below deliver them in any interleaving — enrolls, client retries of an enroll
 * (same command id), unenrolls, replies that finish (and, with stop_company_on_reply, stop colleagues).
 */
class CompanyLimitPropertiesTest {

    private static final String DOMAIN = "prospect.example.com";
    private static final Instant NOW = Fixtures.T0;

    /** One step: {@code kind} picks what happens, {@code who} which person (or earlier command) it concerns. */
    record Step(int kind, int who) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 99))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300)
    void activeEnrollmentsAtADomainNeverExceedTheLimitAndTheLedgerReturnsToTheTruth(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 3) int limit,
            @ForAll @IntRange(min = 2, max = 6) int people, @ForAll boolean stopColleaguesOnReply) {
        TwoStages system = new TwoStages(limit, people, stopColleaguesOnReply);
        for (Step step : steps) {
            system.apply(step);
            assertThat(system.activeAtDomain()).as("active at %s after %s", DOMAIN, step).hasSizeLessThanOrEqualTo(limit);
        }
        system.drain();

        assertThat(system.activeAtDomain()).hasSizeLessThanOrEqualTo(limit);
        assertThat(system.ledger.of(CompanyLedger.Kind.ACTIVE).keySet()).as("the ledger's active set is the truth")
                .isEqualTo(system.activeAtDomain());
        assertThat(system.ledger.of(CompanyLedger.Kind.RESERVED)).as("no reservation outlives its command").isEmpty();

        // nothing leaked: the next enroll of a person not active gets in exactly when the count allows it
        Optional<String> idle = system.idlePerson();
        if (idle.isPresent()) {
            boolean room = system.activeAtDomain().size() < limit;
            system.enroll(idle.get());
            system.drain();
            assertThat(system.isActive(idle.get())).as("enrolled with %d of %d active", system.activeAtDomain().size(), limit)
                    .isEqualTo(room);
        }
    }

    /** The enrollment decider per person and the company ledger of one domain, connected by FIFO queues. */
    private static final class TwoStages {
        final InMemoryReferenceData reference;
        final List<String> people = new ArrayList<>();
        final Map<String, PersonState> states = new HashMap<>();
        final Map<String, Map<String, CommandOutcome>> outcomes = new HashMap<>();
        final Map<String, Deque<EnrollmentCommand>> commandQueues = new LinkedHashMap<>();
        final Deque<LedgerEntry> ledgerQueue = new ArrayDeque<>();
        final List<EnrollmentCommand.Enroll> issued = new ArrayList<>();
        final CompanyLedger.Members ledger = new CompanyLedger.Members();
        int counter;

        TwoStages(int limit, int count, boolean stopColleagues) {
            InMemoryReferenceData.Builder b = Fixtures.reference()
                    .ruleset(new Ruleset(ORG, Ruleset.DEFAULT_ID, true, true, 0, Set.of(), limit))
                    .settings(new OrgSettings(MailboxOwnershipPolicy.REASSIGN_QUEUED, Map.of(), true,
                            stopColleagues ? CompanyReplyPolicy.ANY_REPLY : CompanyReplyPolicy.OFF));
            for (int i = 0; i < count; i++) {
                String person = "person-" + i;
                b.person(person);
                people.add(person);
                states.put(person, PersonState.empty(ORG, person));
                outcomes.put(person, new HashMap<>());
                commandQueues.put(person, new ArrayDeque<>());
            }
            reference = b.build();
        }

        void apply(Step step) {
            String person = people.get(step.who() % people.size());
            switch (step.kind()) {
                case 0, 1 -> enroll(person);
                case 2 -> {
                    if (!issued.isEmpty()) { // a client retries an earlier enroll with the same id
                        EnrollmentCommand.Enroll again = issued.get(step.who() % issued.size());
                        commandQueues.get(again.meta().personId()).add(again);
                    }
                }
                case 3 -> commandQueues.get(person).add(new EnrollmentCommand.UnenrollPerson(meta(person)));
                case 4 -> active(person).ifPresent(e -> commandQueues.get(person).add(new EnrollmentCommand.RecordReply(
                        meta(person), e.id(), "r-" + counter, null, ReplyClassification.NEGATIVE, NOW, null)));
                case 5, 6, 7 -> deliverCommand(person);
                default -> deliverLedgerEntry();
            }
        }

        void enroll(String person) {
            EnrollmentCommand.Enroll enroll = new EnrollmentCommand.Enroll(meta(person),
                    counter % 2 == 0 ? Fixtures.SEQ : Fixtures.SEQ_2, List.of(Fixtures.MAIL_A));
            issued.add(enroll);
            commandQueues.get(person).add(enroll);
        }

        private CommandMeta meta(String person) {
            return new CommandMeta("cmd-" + (++counter), ORG, person, NOW, "tester", null);
        }

        /** What EnrollmentCommandProcessor does with one command. */
        void deliverCommand(String person) {
            EnrollmentCommand command = commandQueues.get(person).poll();
            if (command == null) {
                return;
            }
            PersonState before = states.get(person);
            Map<String, CommandOutcome> remembered = outcomes.get(person);
            String id = command.meta().commandId();
            DecisionContext ctx = new DecisionContext(NOW, reference);
            Decision decision = EnrollmentDecider.handle(command, before, Optional.ofNullable(remembered.get(id)), ctx);
            PersonState after = before;
            if (decision.awaitingSlot() == null && !decision.duplicate()) {
                remembered.put(id, decision.outcome());
                after = EnrollmentDecider.evolveAll(before, decision.events());
                states.put(person, after);
            }
            ledgerQueue.addAll(LedgerEntries.forDecision(command, decision, before, after, reference, NOW));
        }

        /** What CompanyLedgerProcessor does with one entry. */
        void deliverLedgerEntry() {
            LedgerEntry entry = ledgerQueue.poll();
            if (entry == null) {
                return;
            }
            CompanyLedger.Result result = CompanyLedger.handle(entry, ledger);
            ledger.apply(result.changes());
            result.commands().forEach(c -> commandQueues.get(c.meta().personId()).add(c));
        }

        void drain() {
            while (!ledgerQueue.isEmpty() || commandQueues.values().stream().anyMatch(q -> !q.isEmpty())) {
                people.forEach(this::deliverCommand);
                deliverLedgerEntry();
            }
        }

        Optional<Enrollment> active(String person) {
            return states.get(person).active();
        }

        boolean isActive(String person) {
            return active(person).isPresent();
        }

        Optional<String> idlePerson() {
            return people.stream().filter(p -> !isActive(p)).findFirst();
        }

        Set<String> activeAtDomain() {
            return states.values().stream().flatMap(s -> s.enrollments().stream())
                    .filter(e -> e.isActive() && DOMAIN.equals(e.companyDomain()))
                    .map(Enrollment::id).collect(Collectors.toSet());
        }
    }
}
