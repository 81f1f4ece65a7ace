package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * The ordered Enroll checks of the rule book (DESIGN.md §3):
 * <ol>
 *   <li>SEQUENCE_NOT_FOUND, PERSON_NOT_FOUND</li>
 *   <li>SEQUENCE_NOT_PUBLISHED</li>
 *   <li>MAILBOX_NOT_FOUND (else the least-loaded candidate is picked)</li>
 *   <li>SUPPRESSED (the email of an erased person), OPTED_OUT, DO_NOT_EMAIL, EMAIL_INVALID</li>
 *   <li>ALREADY_ENROLLED_ACTIVE</li>
 *   <li>ALREADY_ENROLLED_IN_THIS_SEQUENCE / _IN_ANOTHER_SEQUENCE, RECENTLY_ENROLLED</li>
 *   <li>EXCLUDED (one rejection per applying rule)</li>
 * </ol>
 * {@link #firstFailure} stops at the first failing check (what Enroll does);
 * {@link #eligibility} lists every failing check (the dry run).
 */
public final class EnrollChecks {

    private EnrollChecks() {}

    /** The outcome of the checks: the rejections, or the mailbox and start step to enroll with. */
    public record Outcome(List<Rejection> rejections, Mailbox mailbox, int startStepIndex) {
        public Outcome {
            rejections = List.copyOf(rejections);
        }

        public boolean accepted() {
            return rejections.isEmpty();
        }
    }

    /**
     * Every failing check for enrolling {@code state}'s person in {@code sequenceId}, in rule-book
     * order, without a mailbox check (no candidates given). An unknown sequence or person yields only
     * the not-found reason(s).
     */
    public static List<Rejection> eligibility(String sequenceId, PersonState state, DecisionContext ctx) {
        return evaluate(sequenceId, state.personId(), null, state, ctx, true).rejections();
    }

    /** As {@link #eligibility(String, PersonState, DecisionContext)}, also checking the candidate mailboxes. */
    public static List<Rejection> eligibility(String sequenceId, List<String> candidateEmails, PersonState state,
                                              DecisionContext ctx) {
        return evaluate(sequenceId, state.personId(), candidateEmails == null ? List.of() : candidateEmails,
                state, ctx, true).rejections();
    }

    /** The Enroll decision: the first failing check (the whole EXCLUDED list if that is it), or acceptance. */
    public static Outcome firstFailure(EnrollmentCommand.Enroll enroll, PersonState state, DecisionContext ctx) {
        return evaluate(enroll.sequenceId(), enroll.meta().personId(), enroll.mailboxEmails(), state, ctx, false);
    }

    /**
     * The candidate known as a mailbox of the org with the fewest active enrollments; ties go to the
     * earliest candidate. Empty when none of them is known.
     */
    public static Optional<Mailbox> selectMailbox(List<String> candidateEmails, DecisionContext ctx) {
        Mailbox best = null;
        long bestLoad = Long.MAX_VALUE;
        for (String email : candidateEmails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            Optional<Mailbox> mailbox = ctx.reference().mailboxByEmail(email.trim());
            if (mailbox.isEmpty()) {
                continue;
            }
            long load = ctx.reference().activeEnrollments(mailbox.get().id());
            if (best == null || load < bestLoad) {
                best = mailbox.get();
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Runs the checks in order. {@code candidateEmails == null} skips the mailbox check;
     * {@code collectAll} false stops at the first failing check.
     */
    private static Outcome evaluate(String sequenceId, String personId, List<String> candidateEmails,
                                    PersonState state, DecisionContext ctx, boolean collectAll) {
        ReferenceData ref = ctx.reference();
        List<Rejection> out = new ArrayList<>();

        // 1. unknown sequence / person (404): nothing else can be judged
        Optional<Sequence> sequence = sequenceId == null ? Optional.empty() : ref.sequence(sequenceId);
        if (sequence.isEmpty()) {
            out.add(Rejection.of(RejectionCode.SEQUENCE_NOT_FOUND));
            if (!collectAll) {
                return rejected(out);
            }
        }
        Optional<Person> person = personId == null ? Optional.empty() : ref.person(personId);
        if (person.isEmpty()) {
            out.add(Rejection.of(RejectionCode.PERSON_NOT_FOUND));
        }
        if (!out.isEmpty()) {
            return rejected(out);
        }
        Sequence seq = sequence.get();
        Person who = person.get();

        // 2. published
        if (!seq.published()) {
            out.add(Rejection.of(RejectionCode.SEQUENCE_NOT_PUBLISHED));
            if (!collectAll) {
                return rejected(out);
            }
        }

        // 3. mailbox
        Mailbox mailbox = null;
        if (candidateEmails != null) {
            mailbox = selectMailbox(candidateEmails, ctx).orElse(null);
            if (mailbox == null) {
                out.add(Rejection.of(RejectionCode.MAILBOX_NOT_FOUND));
                if (!collectAll) {
                    return rejected(out);
                }
            }
        }

        // 4. consent and address
        if (ctx.reference().suppressed(who)) {
            out.add(Rejection.of(RejectionCode.SUPPRESSED));
            if (!collectAll) {
                return rejected(out);
            }
        }
        if (state.optedOut() || who.emailOptOut()) {
            out.add(Rejection.of(RejectionCode.OPTED_OUT));
            if (!collectAll) {
                return rejected(out);
            }
        }
        if (who.doNotEmail()) {
            out.add(Rejection.of(RejectionCode.DO_NOT_EMAIL));
            if (!collectAll) {
                return rejected(out);
            }
        }
        if (!EmailAddresses.isPlausible(who.email()) || who.highBounceRisk()) {
            out.add(Rejection.of(RejectionCode.EMAIL_INVALID));
            if (!collectAll) {
                return rejected(out);
            }
        }

        // 5. one active sequence per person
        if (state.active().isPresent()) {
            out.add(Rejection.of(RejectionCode.ALREADY_ENROLLED_ACTIVE));
            if (!collectAll) {
                return rejected(out);
            }
        }

        // 6. re-enrollment, per the target sequence's ruleset
        Ruleset ruleset = Rulesets.forSequence(seq, ref);
        List<Rejection> reenrollment = ReenrollmentPolicy.check(seq.id(), ruleset, state, ctx.now());
        if (!reenrollment.isEmpty()) {
            if (!collectAll) {
                return rejected(List.of(reenrollment.get(0)));
            }
            out.addAll(reenrollment);
        }

        // 7. exclusions (one check: every applying rule is listed)
        out.addAll(ExclusionPolicy.enrollmentRejections(ref.exclusionMatches(who.id()), ruleset, ref));

        if (!out.isEmpty()) {
            return rejected(out);
        }
        return new Outcome(List.of(), mailbox, ReenrollmentPolicy.startStepIndex(seq, state));
    }

    private static Outcome rejected(List<Rejection> rejections) {
        return new Outcome(rejections, null, 0);
    }
}
