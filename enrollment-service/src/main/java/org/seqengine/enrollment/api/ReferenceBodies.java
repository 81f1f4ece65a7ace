package org.seqengine.enrollment.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.seqengine.enrollment.api.dto.ExclusionRuleBody;
import org.seqengine.enrollment.api.dto.MailboxBody;
import org.seqengine.enrollment.api.dto.PersonBody;
import org.seqengine.enrollment.api.dto.RulesetBody;
import org.seqengine.enrollment.api.dto.SequenceBody;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.filter.Domains;
import org.seqengine.scheduler.domain.MailboxLimits;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;

/**
 * Turns the reference-data upsert bodies (validated by their constraints before a resource runs)
 * into the compacted topics' records.
 */
final class ReferenceBodies {

    private static final List<String> WEEK = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private ReferenceBodies() {}

    /** The sequence at version 1; {@link SequenceVersions} sets the version it really gets. */
    static SequenceRecord sequence(String orgId, String id, SequenceBody body) {
        List<StepRecord> steps = new ArrayList<>();
        for (SequenceBody.StepBody s : body.steps()) {
            steps.add(new StepRecord(s.type(), s.waitDays(), s.subject(), s.body()));
        }
        return SequenceRecord.newBuilder().setOrgId(orgId).setId(id).setName(body.name())
                .setIsPublished(body.isPublished()).setIsPaused(Boolean.TRUE.equals(body.isPaused()))
                .setRulesetId(body.rulesetId()).setSteps(steps).setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setVersion(1).setSchedule(schedule(body.schedule())).setTaskAssignment(body.taskAssignment()).build();
    }

    /** A validated schedule as stored: its days once each, Monday first. */
    private static SendScheduleRecord schedule(SequenceBody.ScheduleBody body) {
        if (body == null) return null;
        List<String> days = WEEK.stream().filter(body.days()::contains).toList();
        return new SendScheduleRecord(body.timeZone(), days, body.startTime(), body.endTime());
    }

    static MailboxRecord mailbox(String orgId, String id, MailboxBody body) {
        return MailboxRecord.newBuilder().setOrgId(orgId).setId(id).setEmail(body.email().trim())
                .setDisplayName(body.displayName()).setOwnerId(body.ownerId())
                .setIsPaused(Boolean.TRUE.equals(body.isPaused()))
                .setIsUnauthorized(Boolean.TRUE.equals(body.isUnauthorized()))
                .setDailyLimit(body.dailyLimit() == null ? MailboxLimits.DEFAULT_DAILY_LIMIT : body.dailyLimit())
                .setMinSecondsBetweenSends(body.minSecondsBetweenSends() == null
                        ? MailboxLimits.DEFAULT_MIN_SECONDS_BETWEEN_SENDS : body.minSecondsBetweenSends()).build();
    }

    /** A person's email may be missing or invalid: that is a rule-book outcome (EMAIL_INVALID), not a bad request. */
    static PersonRecord person(String orgId, String id, PersonBody body) {
        return PersonRecord.newBuilder().setOrgId(orgId).setId(id).setEmail(body.email())
                .setFirstName(body.firstName()).setLastName(body.lastName()).setLinkedinUrl(body.linkedinUrl())
                // normalized as every service does, so people, companies and lists join on it
                .setCompanyDomain(Domains.normalize(body.companyDomain()))
                .setDoNotEmail(Boolean.TRUE.equals(body.doNotEmail()))
                .setEmailOptOut(Boolean.TRUE.equals(body.emailOptOut()))
                .setHighBounceRisk(Boolean.TRUE.equals(body.highBounceRisk()))
                .setAttributes(body.attributes() == null ? new HashMap<>() : new HashMap<>(body.attributes())).build();
    }

    static RulesetRecord ruleset(String orgId, String id, RulesetBody body) {
        return RulesetRecord.newBuilder().setOrgId(orgId).setId(id)
                .setAllowReenrollmentIntoSequences(Boolean.TRUE.equals(body.allowReenrollmentIntoSequences()))
                .setAllowReenrollmentIntoSameSequence(Boolean.TRUE.equals(body.allowReenrollmentIntoSameSequence()))
                .setReenrollmentWaitingDays(body.reenrollmentWaitingDays() == null
                        ? Ruleset.DEFAULT_WAITING_DAYS : body.reenrollmentWaitingDays())
                .setExclusionRuleIds(body.exclusionRuleIds() == null ? List.of() : List.copyOf(body.exclusionRuleIds()))
                .setMaxActiveEnrollmentsPerCompany(body.maxActiveEnrollmentsPerCompany())
                .build();
    }

    static ExclusionRuleRecord exclusionRule(String orgId, String id, ExclusionRuleBody body) {
        return ExclusionRuleRecord.newBuilder().setOrgId(orgId).setId(id).setName(body.name())
                .setLevel(body.level() == null ? "PERSON" : body.level())
                .setExcludeFromSequences(Boolean.TRUE.equals(body.excludeFromSequences()))
                .setRemoveFromActiveSequences(Boolean.TRUE.equals(body.removeFromActiveSequences()))
                .setFilterJson(body.filter() == null ? null : body.filter().toString()).build();
    }
}
