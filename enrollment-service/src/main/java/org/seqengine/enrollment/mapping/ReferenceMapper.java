package org.seqengine.enrollment.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.domain.reference.CrmAccess;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.MailboxOwnershipPolicy;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.reference.CompanyReplyPolicy;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OrgSettingsRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;

/**
 * Reference data from the compacted topics to the domain. Upstream may publish these topics
 * directly, so values are read leniently (an unknown step type becomes a TASK, never a crash).
 */
public final class ReferenceMapper {

    private ReferenceMapper() {}

    /** The sequence with its effective pause state: the pause record's when one exists (see {@code SEQUENCE_PAUSES}). */
    public static Sequence toDomain(SequenceRecord r, SequencePauseRecord pause) {
        Sequence s = toDomain(r);
        return pause == null ? s
                : s.withPaused(pause.getIsPaused());
    }

    public static Sequence toDomain(SequenceRecord r) {
        return new Sequence(r.getOrgId(), r.getId(), r.getName(), r.getIsPublished(), r.getIsPaused(), r.getRulesetId(),
                r.getSteps().stream().map(ReferenceMapper::toDomain).toList(), r.getVersion(),
                toDomain(r.getSchedule()), r.getTaskAssignment());
    }

    static Sequence.Schedule toDomain(SendScheduleRecord r) {
        return r == null ? null : new Sequence.Schedule(r.getTimeZone(), r.getDays(), r.getStartTime(), r.getEndTime());
    }

    static Step toDomain(StepRecord r) {
        StepType type = "EMAIL".equals(r.getType()) ? StepType.EMAIL : StepType.TASK;
        return new Step(type, r.getWaitDays(), r.getSubject(), r.getBody());
    }

    public static Mailbox toDomain(MailboxRecord r) {
        return new Mailbox(r.getOrgId(), r.getId(), r.getEmail(), r.getDisplayName(), r.getOwnerId(),
                r.getIsPaused(), r.getIsUnauthorized(), r.getDailyLimit(), r.getMinSecondsBetweenSends());
    }

    public static Person toDomain(PersonRecord r) {
        return new Person(r.getOrgId(), r.getId(), r.getEmail(), r.getFirstName(), r.getLastName(), r.getLinkedinUrl(),
                r.getCompanyDomain(), r.getDoNotEmail(), r.getEmailOptOut(), r.getHighBounceRisk(), r.getAttributes());
    }

    public static Ruleset toDomain(RulesetRecord r) {
        return new Ruleset(r.getOrgId(), r.getId(), r.getAllowReenrollmentIntoSequences(),
                r.getAllowReenrollmentIntoSameSequence(), r.getReenrollmentWaitingDays(),
                new HashSet<>(r.getExclusionRuleIds()), r.getMaxActiveEnrollmentsPerCompany());
    }

    public static ExclusionRule toDomain(ExclusionRuleRecord r) {
        MatchLevel level = "COMPANY".equals(r.getLevel()) ? MatchLevel.COMPANY : MatchLevel.PERSON;
        return new ExclusionRule(r.getOrgId(), r.getId(), r.getName(), level, r.getExcludeFromSequences(),
                r.getRemoveFromActiveSequences(), r.getFilterJson());
    }

    /**
     * Settings as the decider applies them: an unknown policy reads as the default, an unknown CRM
     * access as READ_ONLY (nothing is written to a CRM unless it says READ_WRITE).
     */
    public static OrgSettings toDomain(OrgSettingsRecord r) {
        if (r == null) return OrgSettings.DEFAULTS;
        MailboxOwnershipPolicy policy = "UNENROLL_ALL".equals(r.getMailboxOwnershipPolicy())
                ? MailboxOwnershipPolicy.UNENROLL_ALL : MailboxOwnershipPolicy.REASSIGN_QUEUED;
        Map<String, CrmAccess> crms = new HashMap<>();
        r.getCrmWriteBack().forEach((crm, access) ->
                crms.put(crm, "READ_WRITE".equals(access) ? CrmAccess.READ_WRITE : CrmAccess.READ_ONLY));
        CompanyReplyPolicy stopCompany = Arrays.stream(CompanyReplyPolicy.values())
                .filter(p -> p.name().equals(r.getStopCompanyOnReply())).findFirst().orElse(CompanyReplyPolicy.OFF);
        return new OrgSettings(policy, crms, r.getAutoOptOutOnRemovalRequest(), stopCompany);
    }

    public static List<ExclusionMatch> toDomain(ExclusionMatchesRecord r) {
        return r == null ? List.of() : ExclusionMatchMapper.toDomainLenient(r.getMatches());
    }
}
