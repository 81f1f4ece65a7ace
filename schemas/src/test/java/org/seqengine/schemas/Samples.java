package org.seqengine.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.schemas.avro.*;

/** Realistic, fully populated sample values of every top-level record (used by tests and golden files). */
public final class Samples {

    public static final Instant T0 = Instant.parse("2025-03-04T09:15:30.123Z");
    public static final Instant T1 = Instant.parse("2025-03-05T10:00:00Z");

    private Samples() {
    }

    public static Map<Class<? extends SpecificRecord>, SpecificRecord> all() {
        return Map.ofEntries(
                Map.entry(CommandEnvelope.class, command()),
                Map.entry(EventEnvelope.class, event()),
                Map.entry(EnrollmentRecord.class, enrollment()),
                Map.entry(PersonStateRecord.class, personState()),
                Map.entry(SequenceRecord.class, sequence()),
                Map.entry(MailboxRecord.class, mailbox()),
                Map.entry(PersonRecord.class, person()),
                Map.entry(RulesetRecord.class, ruleset()),
                Map.entry(ExclusionRuleRecord.class, exclusionRule()),
                Map.entry(ExclusionMatchesRecord.class, exclusionMatches()),
                Map.entry(CommandReplyRecord.class, commandReply()),
                Map.entry(UnenrollJobRecord.class, unenrollJob()),
                Map.entry(CommandOutcomeRecord.class, commandOutcome()),
                Map.entry(SequencePauseRecord.class, sequencePause()),
                Map.entry(CrmChangeRecord.class, crmChange()),
                Map.entry(OrgSettingsRecord.class, orgSettings()),
                Map.entry(CrmWriteBackRecord.class, crmWriteBack()),
                Map.entry(ExclusionListEntryRecord.class, exclusionListEntry()),
                Map.entry(SendRequestRecord.class, sendRequest()),
                Map.entry(DeliveryResultRecord.class, deliveryResult()),
                Map.entry(TaskRecord.class, task()),
                Map.entry(ScheduleStatusRecord.class, scheduleStatus()),
                Map.entry(CompanyLedgerRecord.class, companyLedger()),
                Map.entry(CompanyLedgerStateRecord.class, companyLedgerState()),
                Map.entry(CompanyMemberRecord.class, companyMember()),
                Map.entry(PersonKeyRecord.class, personKey()),
                Map.entry(SuppressionRecord.class, suppression()),
                Map.entry(SealedFieldsRecord.class, sealedFields()));
    }

    public static CommandEnvelope command() {
        return CommandEnvelope.newBuilder()
                .setCommandId("cmd-0001")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setIssuedAt(T0)
                .setActor("user-7")
                .setReason("campaign Q2")
                .setPayload(EnrollCommand.newBuilder()
                        .setSequenceId("seq-welcome")
                        .setMailboxEmails(List.of("sales@acme.example", "bob@acme.example"))
                        .setCompanySlot(companySlot())
                        .build())
                .build();
    }

    public static CommandEnvelope replyCommand() {
        return CommandEnvelope.newBuilder()
                .setCommandId("cmd-0002")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setIssuedAt(T1)
                .setActor(null)
                .setReason(null)
                .setPayload(RecordReplyCommand.newBuilder()
                        .setEnrollmentId("enr-1")
                        .setReplyId("reply-9")
                        .setSubject(null)
                        .setSealedSubject(sealed())
                        .setClassification("OUT_OF_OFFICE")
                        .setReceivedAt(T1)
                        .setReturnDate(LocalDate.of(2025, 3, 17))
                        .setOptOutRequested(true)
                        .build())
                .build();
    }

    public static EventEnvelope event() {
        return EventEnvelope.newBuilder()
                .setEventId("evt-0001")
                .setCommandId("cmd-0001")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setEnrollmentId("enr-1")
                .setOccurredAt(T0)
                .setActor("org-acme:user-7")
                .setPayload(RepliedEvent.newBuilder()
                        .setReply(reply())
                        .setFinishes(true)
                        .build())
                .build();
    }

    public static ReplyRecord reply() {
        return ReplyRecord.newBuilder()
                .setReplyId("reply-9")
                .setSubject(null)
                .setSealedSubject(sealed())
                .setClassification("POSITIVE")
                .setReceivedAt(T1)
                .build();
    }

    public static RejectionRecord rejection() {
        return RejectionRecord.newBuilder()
                .setCode("EXCLUDED")
                .setMessage("person matches exclusion rule 'Competitors'")
                .setRuleId("rule-3")
                .setLevel("ORGANIZATION")
                .setCompanyDomain("acme.example")
                .setLimit(3)
                .setActiveCount(3)
                .build();
    }

    public static CompanySlotRecord companySlot() {
        return CompanySlotRecord.newBuilder()
                .setCompanyDomain("acme.example")
                .setEnrollmentId("enr-1")
                .setGranted(true)
                .setLimit(3)
                .setActiveCount(2)
                .build();
    }

    public static ColleagueReplyRecord colleagueReply() {
        return ColleagueReplyRecord.newBuilder()
                .setPersonId("person-43")
                .setEnrollmentId("enr-7")
                .setClassification("POSITIVE")
                .setCompanyDomain("acme.example")
                .build();
    }

    public static CompanyLedgerRecord companyLedger() {
        return CompanyLedgerRecord.newBuilder()
                .setOrgId("org-acme")
                .setCompanyDomain("acme.example")
                .setKind("RESERVE")
                .setEnrollmentId("enr-1")
                .setPersonId("person-42")
                .setSequenceId("seq-welcome")
                .setLimit(3)
                .setCommand(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}))
                .setClassification("POSITIVE")
                .setRecordedAt(T0)
                .build();
    }

    public static CompanyLedgerStateRecord companyLedgerState() {
        return CompanyLedgerStateRecord.newBuilder()
                .setOrgId("org-acme")
                .setCompanyDomain("acme.example")
                .setActiveCount(3)
                .setReservedCount(1)
                .build();
    }

    public static CompanyMemberRecord companyMember() {
        return CompanyMemberRecord.newBuilder()
                .setOrgId("org-acme")
                .setCompanyDomain("acme.example")
                .setEnrollmentId("enr-1")
                .setPersonId("person-42")
                .setSequenceId("seq-welcome")
                .setSince(T0)
                .build();
    }

    public static EnrollmentRecord enrollment() {
        return EnrollmentRecord.newBuilder()
                .setId("enr-1")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setSequenceId("seq-welcome")
                .setMailboxId("mbx-1")
                .setCreatedAt(T0)
                .setUpdatedAt(T1)
                .setStartedAt(T0)
                .setEndedAt(T1)
                .setNextStepIndex(2)
                .setStepsCompleted(2)
                .setBlockReason(null)
                .setPauseReason("OUT_OF_OFFICE")
                .setResumeAt(Instant.parse("2025-03-17T08:00:00Z"))
                .setReply(reply())
                .setFinishReason("REPLIED")
                .setCanceled(false)
                .setBounced(true)
                .setUpdatedBy("org-acme:user-7")
                .setExcludedBy(List.of(exclusionMatch()))
                .setSequenceVersion(3)
                .setLastStepAt(T1)
                .setDispatchedStepIndex(2)
                .setDispatchedRequestId("req-enr-1-2")
                .setBlockedVariables(List.of("first_name"))
                .setTaskAssigneeId("user-7")
                .setCompanyDomain("acme.example")
                .setColleagueReply(colleagueReply())
                .setPersonErased(true)
                .build();
    }

    public static ExclusionMatchRecord exclusionMatch() {
        return ExclusionMatchRecord.newBuilder()
                .setRuleId("rule-3")
                .setLevel("COMPANY")
                .setMatchedSince(T0)
                .setEvidence(List.of(ExclusionEvidenceRecord.newBuilder()
                        .setField("company.industry").setOp("equals").setExpected("competitor").setActual("Competitor")
                        .setCrm("hubspot").setObjectType("company").setObjectId("c-9").setPersonId(null)
                        .build()))
                .build();
    }

    public static PersonStateRecord personState() {
        return PersonStateRecord.newBuilder()
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setEnrollments(List.of(enrollment()))
                .setOptedOutAt(T1)
                .setOptOutSource("LINK")
                .setErasedAt(T1)
                .build();
    }

    public static SequencePauseRecord sequencePause() {
        return SequencePauseRecord.newBuilder()
                .setOrgId("org-acme")
                .setSequenceId("seq-welcome")
                .setIsPaused(true)
                .setUpdatedAt(T0)
                .setActor("org-acme:user-7")
                .build();
    }

    public static CommandOutcomeRecord commandOutcome() {
        return CommandOutcomeRecord.newBuilder()
                .setCommandId("cmd-0001")
                .setEnrollmentIds(List.of("enr-1"))
                .setRejections(List.of(rejection()))
                .setActiveSequenceId("seq-other")
                .setActiveEnrollmentId("enr-0")
                .setDecidedAt(T0)
                .build();
    }

    public static SequenceRecord sequence() {
        return SequenceRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("seq-welcome")
                .setName("Welcome")
                .setIsPublished(true)
                .setIsPaused(false)
                .setRulesetId("rs-default")
                .setSteps(List.of(
                        StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject("Hello").setBody("Hi {{first_name}}").build(),
                        StepRecord.newBuilder().setType("TASK").setWaitDays(3).setSubject(null).setBody("Call them").build()))
                .setUpdatedAt(T0)
                .setVersion(2)
                .setSchedule(SendScheduleRecord.newBuilder().setTimeZone("America/New_York")
                        .setDays(List.of("MON", "TUE", "WED", "THU", "FRI")).setStartTime("09:00").setEndTime("17:00").build())
                .setTaskAssignment("MAILBOX_OWNER")
                .build();
    }

    public static MailboxRecord mailbox() {
        return MailboxRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("mbx-1")
                .setEmail("sales@acme.example")
                .setDisplayName("Acme Sales")
                .setOwnerId("user-7")
                .setIsPaused(false)
                .setIsUnauthorized(true)
                .setDailyLimit(150)
                .setMinSecondsBetweenSends(30)
                .build();
    }

    public static PersonRecord person() {
        return PersonRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("person-42")
                .setEmail("jane@example.com")
                .setFirstName("Jane")
                .setLastName("Doe")
                .setLinkedinUrl("https://www.linkedin.com/in/janedoe")
                .setCompanyDomain("example.com")
                .setDoNotEmail(false)
                .setEmailOptOut(true)
                .setHighBounceRisk(true)
                .setAttributes(Map.of("title", "CTO", "country", "DE"))
                .build();
    }

    public static RulesetRecord ruleset() {
        return RulesetRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("rs-default")
                .setAllowReenrollmentIntoSequences(true)
                .setAllowReenrollmentIntoSameSequence(false)
                .setReenrollmentWaitingDays(30)
                .setExclusionRuleIds(List.of("rule-3", "rule-4"))
                .setMaxActiveEnrollmentsPerCompany(3)
                .build();
    }

    public static ExclusionRuleRecord exclusionRule() {
        return ExclusionRuleRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("rule-3")
                .setName("Competitors")
                .setLevel("COMPANY")
                .setExcludeFromSequences(true)
                .setRemoveFromActiveSequences(true)
                .setFilterJson("{\"field\":\"company_domain\",\"op\":\"in\",\"values\":[\"rival.example\"]}")
                .build();
    }

    public static ExclusionMatchesRecord exclusionMatches() {
        return ExclusionMatchesRecord.newBuilder()
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setMatches(List.of(
                        exclusionMatch(),
                        ExclusionMatchRecord.newBuilder().setRuleId("rule-4").setLevel("PERSON").build()))
                .setEvaluatedAt(T0)
                .build();
    }

    public static CommandReplyRecord commandReply() {
        return CommandReplyRecord.newBuilder()
                .setCommandId("cmd-0001")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setDuplicate(false)
                .setEnrollmentIds(List.of())
                .setRejections(List.of(rejection()))
                .setActiveSequenceId("seq-other")
                .setActiveEnrollmentId("enr-0")
                .setErrorReference("5f1c7a52-1b0e-3c4f-9a8d-2e6b7c1d0f34")
                .setError("RecordTooLargeException: enrollment.events.v1 record of 1048700 bytes exceeds max.request.size 1048576")
                .build();
    }

    public static UnenrollJobRecord unenrollJob() {
        return UnenrollJobRecord.newBuilder()
                .setOrgId("org-acme")
                .setId("job-5")
                .setCreatedAt(T0)
                .setUpdatedAt(T1)
                .setState("RUNNING")
                .setSelectorKind("COMPANY_DOMAINS")
                .setEnrollmentIds(List.of())
                .setSequenceId(null)
                .setCompanyDomains(List.of("rival.example"))
                .setTargets(List.of(UnenrollTargetRecord.newBuilder().setPersonId("person-42").setEnrollmentId("enr-1").build()))
                .setResolved(true)
                .setTotal(1)
                .setProcessed(1)
                .setUnenrolled(1)
                .setSkipped(0)
                .setFailed(0)
                .setError(null)
                .setFinishedAt(T1)
                .setKind("RESTORE")
                .setRuleId("rule-3")
                .setSince(T0)
                .setMailboxEmails(List.of())
                .setSkippedByReason(Map.of("ALREADY_ENROLLED_ACTIVE", 1))
                .build();
    }

    public static CrmChangeRecord crmChange() {
        return CrmChangeRecord.newBuilder()
                .setOrgId("org-acme")
                .setCrm("hubspot")
                .setObjectType("company")
                .setObjectId("c-9")
                .setPersonId(null)
                .setDomain("rival.example")
                .setFields(new java.util.HashMap<>(Map.of("industry", "competitor")))
                .setDeleted(false)
                .setChangedAt(T0)
                .setReceivedAt(T1)
                .build();
    }

    public static OrgSettingsRecord orgSettings() {
        return OrgSettingsRecord.newBuilder()
                .setOrgId("org-acme")
                .setMailboxOwnershipPolicy("UNENROLL_ALL")
                .setCrmWriteBack(Map.of("salesforce", "READ_WRITE", "hubspot", "READ_ONLY"))
                .setAutoOptOutOnRemovalRequest(true)
                .setStopCompanyOnReply("POSITIVE_OR_NEUTRAL")
                .setUpdatedAt(T0)
                .setUpdatedBy("org-acme:user-7")
                .build();
    }

    public static CrmWriteBackRecord crmWriteBack() {
        return CrmWriteBackRecord.newBuilder()
                .setWriteBackId("wb-1")
                .setOrgId("org-acme")
                .setPersonId("person-42")
                .setCrm("salesforce")
                .setField("email_opt_out")
                .setValue("true")
                .setSource("LINK")
                .setCommandId("cmd-0003")
                .setOccurredAt(T0)
                .build();
    }

    public static ExclusionListEntryRecord exclusionListEntry() {
        return ExclusionListEntryRecord.newBuilder()
                .setOrgId("org-acme")
                .setListId("competitors")
                .setDomain("rival.example")
                .setCompanyName("Rival Inc.")
                .build();
    }

    public static SendRequestRecord sendRequest() {
        return SendRequestRecord.newBuilder()
                .setRequestId("req-enr-1-2").setOrgId("org-acme").setPersonId("person-42").setEnrollmentId("enr-1")
                .setSequenceId("seq-welcome").setSequenceVersion(2).setStepIndex(2).setAttempt(1).setMailboxId("mbx-1")
                .setFromEmail("sales@acme.example").setToEmail(null).setSubject(null)
                .setBody(null).setSealed(sealed()).setRequestedAt(T0).build();
    }

    public static DeliveryResultRecord deliveryResult() {
        return DeliveryResultRecord.newBuilder()
                .setResultId("res-1").setRequestId("req-enr-1-2").setOrgId("org-acme").setPersonId("person-42")
                .setEnrollmentId("enr-1").setStepIndex(2).setOutcome("REPLIED").setClassification("AUTOMATED")
                .setOptOutRequested(false).setReturnDate(LocalDate.of(2025, 3, 17)).setSubject(null)
                .setSealed(sealed()).setFailureReason(null).setOccurredAt(T1).build();
    }

    public static TaskRecord task() {
        return TaskRecord.newBuilder()
                .setTaskId("task-enr-1-1").setOrgId("org-acme").setPersonId("person-42").setEnrollmentId("enr-1")
                .setSequenceId("seq-welcome").setStepIndex(1).setAssigneeId("user-7").setBody(null).setSealed(sealed())
                .setStatus("COMPLETED").setCreatedAt(T0).setCompletedAt(T1).setCompletedBy("org-acme:user-7").build();
    }

    public static ScheduleStatusRecord scheduleStatus() {
        return ScheduleStatusRecord.newBuilder()
                .setOrgId("org-acme").setEnrollmentId("enr-1").setStepIndex(1)
                .setNextStepDueAt(T1).setWaitingFor("WINDOW").setUpdatedAt(T0).build();
    }

    /** A sealed value (the bytes stand for AES-GCM output; golden files need no real key). */
    public static SealedValueRecord sealed() {
        return SealedValueRecord.newBuilder().setKeyId("key-1")
                .setNonce(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
                .setCiphertext(java.nio.ByteBuffer.wrap(new byte[] {42, 43, 44, 45})).build();
    }

    public static PersonKeyRecord personKey() {
        return PersonKeyRecord.newBuilder().setOrgId("org-acme").setPersonId("person-42").setKeyId("key-1")
                .setAlgorithm("AES-256-GCM").setKey(java.nio.ByteBuffer.wrap(new byte[32])).setCreatedAt(T0).build();
    }

    public static SuppressionRecord suppression() {
        return SuppressionRecord.newBuilder().setOrgId("org-acme").setReason("ERASED").setSuppressedAt(T1).build();
    }

    public static SealedFieldsRecord sealedFields() {
        return SealedFieldsRecord.newBuilder().setFields(Map.of("subject", "Re: hello")).build();
    }
}
