package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.EnrollmentCommand.Block;
import org.seqengine.enrollment.domain.EnrollmentCommand.Bounce;
import org.seqengine.enrollment.domain.EnrollmentCommand.ClearCrmOptOut;
import org.seqengine.enrollment.domain.EnrollmentCommand.ClearOptOut;
import org.seqengine.enrollment.domain.EnrollmentCommand.CompleteStep;
import org.seqengine.enrollment.domain.EnrollmentCommand.DispatchStep;
import org.seqengine.enrollment.domain.EnrollmentCommand.UpgradeEnrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand.Exclude;
import org.seqengine.enrollment.domain.EnrollmentCommand.MailboxOwnerChanged;
import org.seqengine.enrollment.domain.EnrollmentCommand.OptOut;
import org.seqengine.enrollment.domain.EnrollmentCommand.Pause;
import org.seqengine.enrollment.domain.EnrollmentCommand.ReassignMailbox;
import org.seqengine.enrollment.domain.EnrollmentCommand.RecordReply;
import org.seqengine.enrollment.domain.EnrollmentCommand.Resume;
import org.seqengine.enrollment.domain.EnrollmentCommand.StopForBounceRisk;
import org.seqengine.enrollment.domain.EnrollmentCommand.StopForColleagueReply;
import org.seqengine.enrollment.domain.EnrollmentCommand.Unblock;
import org.seqengine.enrollment.domain.EnrollmentCommand.Unenroll;
import org.seqengine.enrollment.domain.EnrollmentCommand.ErasePerson;
import org.seqengine.enrollment.domain.EnrollmentCommand.UnenrollPerson;
import org.seqengine.enrollment.domain.EnrollmentEvent.Blocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.BounceStopped;
import org.seqengine.enrollment.domain.EnrollmentEvent.Bounced;
import org.seqengine.enrollment.domain.EnrollmentEvent.Completed;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentRejected;
import org.seqengine.enrollment.domain.EnrollmentEvent.EnrollmentUpgraded;
import org.seqengine.enrollment.domain.EnrollmentEvent.Excluded;
import org.seqengine.enrollment.domain.EnrollmentEvent.MailboxReassigned;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptOutCleared;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.EnrollmentEvent.Paused;
import org.seqengine.enrollment.domain.EnrollmentEvent.Replied;
import org.seqengine.enrollment.domain.EnrollmentEvent.Resumed;
import org.seqengine.enrollment.domain.EnrollmentEvent.StepCompleted;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unblocked;
import org.seqengine.enrollment.domain.EnrollmentEvent.Unenrolled;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.scheduler.domain.OutOfOffice;
import org.seqengine.scheduler.domain.SendWindow;
import org.seqengine.scheduler.domain.SendWindowParser;
import org.seqengine.scheduler.domain.Validated;

/** Decisions for every command except Enroll: what happens to existing enrollments and the opt-out. */
final class LifecycleDecisions {

    /** The permission note of an opt-out cleared because the CRM flag went back to false. */
    static final String CRM_FLAG_CLEARED = "CRM email_opt_out flag cleared";

    private LifecycleDecisions() {}

    static List<EnrollmentEvent> decide(EnrollmentCommand command, PersonState state, DecisionContext ctx) {
        EventEmitter out = new EventEmitter(command.meta(), ctx.now());
        if (command instanceof Unenroll c) {
            active(c, c.enrollmentId(), state, out).ifPresent(e -> unenroll(e, out));
        } else if (command instanceof UnenrollPerson) {
            state.enrollments().stream().filter(Enrollment::isActive).forEach(e -> unenroll(e, out));
        } else if (command instanceof ErasePerson) {
            erase(state, ctx, out);
        } else if (command instanceof OptOut c) {
            optOut(c, state, out);
        } else if (command instanceof ClearOptOut c) {
            clearOptOut(c, state, out);
        } else if (command instanceof ClearCrmOptOut) {
            if (state.optedOut() && state.optOutSource() == OptOutSource.CRM) {
                out.emit(new OptOutCleared(out.next(), CRM_FLAG_CLEARED));
            }
        } else if (command instanceof Pause c) {
            active(c, c.enrollmentId(), state, out)
                    .filter(e -> !e.isPaused())
                    .ifPresent(e -> out.emit(new Paused(out.next(), e.id(), PauseReason.MANUAL, null)));
        } else if (command instanceof Resume c) {
            active(c, c.enrollmentId(), state, out).ifPresent(e -> {
                if (e.isPaused()) {
                    out.emit(new Resumed(out.next(), e.id()));
                } else {
                    reject(c, e.sequenceId(), e.id(), RejectionCode.ENROLLMENT_NOT_PAUSED, out);
                }
            });
        } else if (command instanceof DispatchStep c) {
            DispatchChecks.decide(c, state, ctx, out);
        } else if (command instanceof UpgradeEnrollment c) {
            active(c, c.enrollmentId(), state, out).ifPresent(e -> upgrade(c, e, ctx, out));
        } else if (command instanceof CompleteStep c) {
            active(c, c.enrollmentId(), state, out)
                    .filter(e -> e.nextStepIndex() == c.stepIndex())
                    .ifPresent(e -> completeStep(e, c.stepIndex(), ctx, out));
        } else if (command instanceof Block c) {
            active(c, c.enrollmentId(), state, out)
                    .filter(e -> e.blockReason() != c.blockReason())
                    .ifPresent(e -> out.emit(new Blocked(out.next(), e.id(), c.blockReason())));
        } else if (command instanceof Unblock c) {
            active(c, c.enrollmentId(), state, out)
                    .filter(Enrollment::isBlocked)
                    .ifPresent(e -> out.emit(new Unblocked(out.next(), e.id())));
        } else if (command instanceof Bounce c) {
            existing(c, c.enrollmentId(), state, out)
                    .filter(e -> !e.isBounced())
                    .ifPresent(e -> out.emit(new Bounced(out.next(), e.id())));
        } else if (command instanceof StopForBounceRisk c) {
            active(c, c.enrollmentId(), state, out).ifPresent(e -> out.emit(new BounceStopped(out.next(), e.id())));
        } else if (command instanceof RecordReply c) {
            existing(c, c.enrollmentId(), state, out).ifPresent(e -> reply(c, e, state, ctx, out));
        } else if (command instanceof Exclude c) {
            exclude(c, state, ctx, out);
        } else if (command instanceof ReassignMailbox c) {
            active(c, c.enrollmentId(), state, out).ifPresent(e -> reassign(c, e, ctx, out));
        } else if (command instanceof MailboxOwnerChanged c) {
            MailboxOwnership.decide(c, state, ctx, out);
        } else if (command instanceof StopForColleagueReply c) {
            // from the company ledger: a no-op (not a rejection) when the enrollment already ended
            state.enrollment(c.enrollmentId()).filter(Enrollment::isActive)
                    .ifPresent(e -> out.emit(new Unenrolled(out.next(), e.id(), FinishReason.COLLEAGUE_REPLIED,
                            e.stepsCompleted() == 0, c.colleagueReply())));
        } else {
            throw new IllegalArgumentException("not a lifecycle command: " + commandType(command));
        }
        return out.events();
    }

    /** The enrollment if it exists, active or finished; otherwise emits the rejection and returns empty. */
    private static Optional<Enrollment> existing(EnrollmentCommand command, String enrollmentId, PersonState state,
                                                 EventEmitter out) {
        Optional<Enrollment> enrollment = enrollmentId == null ? Optional.empty() : state.enrollment(enrollmentId);
        if (enrollment.isEmpty()) {
            reject(command, null, enrollmentId, RejectionCode.ENROLLMENT_NOT_FOUND, out);
        }
        return enrollment;
    }

    /** The enrollment if it exists and is active; otherwise emits the rejection and returns empty. */
    private static Optional<Enrollment> active(EnrollmentCommand command, String enrollmentId, PersonState state,
                                               EventEmitter out) {
        Optional<Enrollment> enrollment = enrollmentId == null ? Optional.empty() : state.enrollment(enrollmentId);
        if (enrollment.isEmpty()) {
            reject(command, null, enrollmentId, RejectionCode.ENROLLMENT_NOT_FOUND, out);
            return Optional.empty();
        }
        if (!enrollment.get().isActive()) {
            reject(command, enrollment.get().sequenceId(), enrollmentId, RejectionCode.ENROLLMENT_NOT_ACTIVE, out);
            return Optional.empty();
        }
        return enrollment;
    }

    private static void reject(EnrollmentCommand command, String sequenceId, String enrollmentId, RejectionCode code,
                               EventEmitter out) {
        out.emit(new EnrollmentRejected(out.next(), commandType(command), sequenceId, enrollmentId,
                List.of(Rejection.of(code)), null, null));
    }

    static String commandType(EnrollmentCommand command) {
        return command.getClass().getSimpleName();
    }

    private static void unenroll(Enrollment e, EventEmitter out) {
        out.emit(new Unenrolled(out.next(), e.id(), FinishReason.UNENROLLED, e.stepsCompleted() == 0));
    }

    private static void optOut(OptOut c, PersonState state, EventEmitter out) {
        optOut(c.source(), state, out);
    }

    private static void optOut(OptOutSource source, PersonState state, EventEmitter out) {
        if (state.optedOut()) {
            if (state.optOutSource() == OptOutSource.CRM && source != OptOutSource.CRM) {
                // opted out here as well: from now on only a permission note clears it, not the CRM flag
                out.emit(new OptedOut(out.next(), source, List.of()));
            }
            return;
        }
        List<String> ended = state.enrollments().stream().filter(Enrollment::isActive).map(Enrollment::id).toList();
        out.emit(new OptedOut(out.next(), source, ended));
    }

    private static void clearOptOut(ClearOptOut c, PersonState state, EventEmitter out) {
        if (c.permissionNote() == null || c.permissionNote().isBlank()) {
            reject(c, null, null, RejectionCode.PERMISSION_NOTE_REQUIRED, out);
        } else if (!state.optedOut()) {
            reject(c, null, null, RejectionCode.NOT_OPTED_OUT, out);
        } else {
            out.emit(new OptOutCleared(out.next(), c.permissionNote()));
        }
    }

    private static void completeStep(Enrollment e, int stepIndex, DecisionContext ctx, EventEmitter out) {
        out.emit(new StepCompleted(out.next(), e.id(), stepIndex));
        boolean last = SequenceSteps.of(e, ctx.reference())
                .map(s -> isLastStep(s, stepIndex))
                .orElse(false);
        if (last) {
            out.emit(new Completed(out.next(), e.id()));
        }
    }

    private static void reply(RecordReply c, Enrollment e, PersonState state, DecisionContext ctx, EventEmitter out) {
        recordReply(c, e, ctx, out);
        if (c.optOutRequested() && ctx.reference().settings().autoOptOutOnRemovalRequest()) {
            // a removal request: the person is opted out everywhere, after the reply is recorded
            optOut(OptOutSource.REPLY, EnrollmentDecider.evolveAll(state, out.events()), out);
        }
    }

    private static void recordReply(RecordReply c, Enrollment e, DecisionContext ctx, EventEmitter out) {
        Reply reply = new Reply(c.replyId(), c.subject(), c.classification(), c.receivedAt(), c.sealedSubject());
        if (!e.isActive()) {
            // late: recorded on the finished enrollment (an automated reply tells nothing new)
            if (c.classification() != ReplyClassification.AUTOMATED) {
                out.emit(new Replied(out.next(), e.id(), reply, false));
            }
            return;
        }
        if (c.classification() != ReplyClassification.AUTOMATED) {
            out.emit(new Replied(out.next(), e.id(), reply, true));
            return;
        }
        out.emit(new Replied(out.next(), e.id(), reply, false));
        if (!e.isPaused()) {
            Instant received = c.receivedAt() != null ? c.receivedAt() : ctx.now();
            Instant resumeAt = OutOfOffice.resumeAt(received, Optional.ofNullable(c.returnDate()),
                    scheduleZone(e, ctx.reference()), ctx.timeScale());
            out.emit(new Paused(out.next(), e.id(), PauseReason.OUT_OF_OFFICE, resumeAt));
        }
    }

    /** The time zone of the sequence's send window (where the recipient is expected to read), else UTC. */
    private static ZoneId scheduleZone(Enrollment e, ReferenceData reference) {
        Sequence.Schedule schedule = reference.sequence(e.sequenceId()).map(Sequence::schedule).orElse(null);
        if (schedule == null) return ZoneOffset.UTC;
        return SendWindowParser.parse(schedule.timeZone(), schedule.days(), schedule.startTime(), schedule.endTime())
                instanceof Validated.Valid<SendWindow> valid ? OutOfOffice.zoneOf(valid.value()) : ZoneOffset.UTC;
    }

    /**
     * To a newer version of the sequence, at the same step position; an enrollment past the new
     * version's last step has run its sequence and completes.
     */
    private static void upgrade(UpgradeEnrollment c, Enrollment e, DecisionContext ctx, EventEmitter out) {
        if (c.toVersion() <= e.sequenceVersion()) {
            reject(c, e.sequenceId(), e.id(), RejectionCode.ALREADY_AT_VERSION, out);
            return;
        }
        Optional<Sequence> target = ctx.reference().sequenceVersion(e.sequenceId(), c.toVersion());
        if (target.isEmpty()) {
            reject(c, e.sequenceId(), e.id(), RejectionCode.SEQUENCE_VERSION_NOT_FOUND, out);
            return;
        }
        out.emit(new EnrollmentUpgraded(out.next(), e.id(), e.sequenceVersion(), c.toVersion(), c.jobId()));
        if (!e.hasStepInFlight() && e.nextStepIndex() >= target.get().steps().size()) {
            out.emit(new Completed(out.next(), e.id()));
        }
    }

    private static void exclude(Exclude c, PersonState state, DecisionContext ctx, EventEmitter out) {
        for (Enrollment e : state.enrollments()) {
            if (!e.isActive()) {
                continue;
            }
            Ruleset ruleset = ctx.reference().sequence(e.sequenceId())
                    .map(s -> Rulesets.forSequence(s, ctx.reference()))
                    .orElseGet(() -> Rulesets.orgDefault(c.meta().orgId(), ctx.reference()));
            List<ExclusionMatch> removing = ExclusionPolicy.removals(c.matches(), ruleset, ctx.reference());
            if (!removing.isEmpty()) {
                out.emit(new Excluded(out.next(), e.id(), removing));
            }
        }
    }

    private static void reassign(ReassignMailbox c, Enrollment e, DecisionContext ctx, EventEmitter out) {
        if (e.stepsCompleted() > 0) {
            reject(c, e.sequenceId(), e.id(), RejectionCode.STEP_ALREADY_SENT, out);
            return;
        }
        Optional<Mailbox> mailbox = c.mailboxId() == null ? Optional.empty() : ctx.reference().mailbox(c.mailboxId());
        if (mailbox.isEmpty()) {
            reject(c, e.sequenceId(), e.id(), RejectionCode.MAILBOX_NOT_FOUND, out);
            return;
        }
        if (!mailbox.get().id().equals(e.mailboxId())) {
            out.emit(new MailboxReassigned(out.next(), e.id(), e.mailboxId(), mailbox.get().id()));
        }
    }

    /** Whether no step follows {@code stepIndex} (a shortened sequence counts as run to its end). */
    private static boolean isLastStep(Sequence sequence, int stepIndex) {
        return !sequence.steps().isEmpty() && stepIndex >= sequence.steps().size() - 1;
    }

    /**
     * Ends every active enrollment with PERSON_ERASED, then records the erasure. Erasing again is
     * allowed (it finds nothing active and erases what arrived since).
     */
    private static void erase(PersonState state, DecisionContext ctx, EventEmitter out) {
        List<Enrollment> active = state.enrollments().stream().filter(Enrollment::isActive).toList();
        for (Enrollment e : active) {
            out.emit(new EnrollmentEvent.Unenrolled(out.next(), e.id(), FinishReason.PERSON_ERASED, e.stepsCompleted() == 0));
        }
        boolean hasEmail = ctx.reference().person(state.personId())
                .map(p -> p.email() != null && !p.email().isBlank()).orElse(false);
        out.emit(new EnrollmentEvent.PersonErased(out.next(), active.size(), state.enrollments().size(), hasEmail));
    }
}
