package org.seqengine.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.seqengine.schemas.Samples;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.*;

/**
 * BACKWARD_TRANSITIVE: the current schema of every top-level record reads every released version,
 * and the committed golden samples (one per released version) still decode.
 */
class CompatibilityTest {

    /** Field-by-field checks of each golden sample; add one per new record, extend when fields are added. */
    private static final Map<Class<?>, Consumer<Object>> GOLDEN_CHECKS = new LinkedHashMap<>();

    static {
        check(CommandEnvelope.class, c -> {
            assertThat(c.getCommandId()).isEqualTo("cmd-0001");
            assertThat(c.getOrgId()).isEqualTo("org-acme");
            assertThat(c.getPersonId()).isEqualTo("person-42");
            assertThat(c.getIssuedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
            assertThat(c.getActor()).isEqualTo("user-7");
            assertThat(c.getPayload()).isInstanceOfSatisfying(EnrollCommand.class, p -> {
                assertThat(p.getSequenceId()).isEqualTo("seq-welcome");
                assertThat(p.getMailboxEmails()).containsExactly("sales@acme.example", "bob@acme.example");
                // v5 adds the company ledger's slot; earlier versions read none
                if (p.getCompanySlot() != null) {
                    assertThat(p.getCompanySlot().getCompanyDomain()).isEqualTo("acme.example");
                    assertThat(p.getCompanySlot().getGranted()).isTrue();
                    assertThat(p.getCompanySlot().getLimit()).isEqualTo(3);
                    assertThat(p.getCompanySlot().getActiveCount()).isEqualTo(2);
                }
            });
        });
        check(EventEnvelope.class, e -> {
            assertThat(e.getEventId()).isEqualTo("evt-0001");
            assertThat(e.getCommandId()).isEqualTo("cmd-0001");
            assertThat(e.getEnrollmentId()).isEqualTo("enr-1");
            assertThat(e.getOccurredAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
            assertThat(e.getActor()).isIn(null, "org-acme:user-7"); // v2 adds the actor
            assertThat(e.getPayload()).isInstanceOfSatisfying(RepliedEvent.class, p -> {
                assertThat(p.getFinishes()).isTrue();
                assertThat(p.getReply().getReplyId()).isEqualTo("reply-9");
                assertThat(p.getReply().getClassification()).isEqualTo("POSITIVE");
                assertThat(p.getReply().getReceivedAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
            });
        });
        check(EnrollmentRecord.class, r -> {
            assertThat(r.getId()).isEqualTo("enr-1");
            assertThat(r.getSequenceId()).isEqualTo("seq-welcome");
            assertThat(r.getCreatedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
            assertThat(r.getNextStepIndex()).isEqualTo(2);
            assertThat(r.getResumeAt()).isEqualTo(Instant.parse("2025-03-17T08:00:00Z"));
            assertThat(r.getBlockReason()).isNull();
            // v6 seals the reply's subject (issue 12); earlier versions carry it in clear
            if (r.getReply().getSealedSubject() != null) {
                assertThat(r.getReply().getSubject()).isNull();
                assertThat(r.getReply().getSealedSubject().getKeyId()).isEqualTo("key-1");
                assertThat(r.getPersonErased()).isTrue();
            } else {
                assertThat(r.getReply().getSubject()).isEqualTo("Re: hello");
                assertThat(r.getPersonErased()).isFalse();
            }
            assertThat(r.getFinishReason()).isEqualTo("REPLIED");
            assertThat(r.getCanceled()).isFalse();
            // v2 adds a late bounce and the last actor; v1 reads as not bounced, actor unknown
            assertThat(r.getBounced() ? r.getUpdatedBy() : "none").isIn("none", "org-acme:user-7");
            // v3 adds what excluded it; earlier versions read an empty list
            assertThat(r.getExcludedBy()).allSatisfy(x -> assertThat(x.getEvidence()).extracting(e -> e.getField())
                    .containsExactly("company.industry"));
            // v4 adds the scheduling fields: earlier versions read version 1, nothing in flight, no variables
            assertThat(r.getSequenceVersion()).isIn(1, 3);
            if (r.getSequenceVersion() == 3) {
                assertThat(r.getLastStepAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
                assertThat(r.getDispatchedStepIndex()).isEqualTo(2);
                assertThat(r.getDispatchedRequestId()).isEqualTo("req-enr-1-2");
                assertThat(r.getBlockedVariables()).containsExactly("first_name");
                assertThat(r.getTaskAssigneeId()).isEqualTo("user-7");
            } else {
                assertThat(r.getDispatchedStepIndex()).isNull();
                assertThat(r.getBlockedVariables()).isEmpty();
            }
            // v5 adds the company domain and who stopped it by replying; earlier versions read null
            if (r.getCompanyDomain() != null) {
                assertThat(r.getCompanyDomain()).isEqualTo("acme.example");
                assertThat(r.getColleagueReply().getPersonId()).isEqualTo("person-43");
                assertThat(r.getColleagueReply().getEnrollmentId()).isEqualTo("enr-7");
                assertThat(r.getColleagueReply().getClassification()).isEqualTo("POSITIVE");
            } else {
                assertThat(r.getColleagueReply()).isNull();
            }
        });
        check(PersonStateRecord.class, s -> {
            assertThat(s.getPersonId()).isEqualTo("person-42");
            assertThat(s.getEnrollments()).singleElement().satisfies(e -> assertThat(e.getMailboxId()).isEqualTo("mbx-1"));
            assertThat(s.getOptOutSource()).isEqualTo("LINK");
            assertThat(s.getOptedOutAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
            assertThat(s.getErasedAt()).isIn(null, Instant.parse("2025-03-05T10:00:00Z")); // v6 adds the erasure
        });
        check(CommandOutcomeRecord.class, c -> {
            assertThat(c.getCommandId()).isEqualTo("cmd-0001");
            assertThat(c.getEnrollmentIds()).containsExactly("enr-1");
            assertThat(c.getRejections()).singleElement().satisfies(r -> assertThat(r.getCode()).isEqualTo("EXCLUDED"));
            assertThat(c.getActiveEnrollmentId()).isEqualTo("enr-0");
            assertThat(c.getDecidedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
        });
        check(SequencePauseRecord.class, p -> {
            assertThat(p.getSequenceId()).isEqualTo("seq-welcome");
            assertThat(p.getIsPaused()).isTrue();
            assertThat(p.getUpdatedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
            assertThat(p.getActor()).isEqualTo("org-acme:user-7");
        });
        check(SequenceRecord.class, s -> {
            assertThat(s.getId()).isEqualTo("seq-welcome");
            assertThat(s.getIsPublished()).isTrue();
            assertThat(s.getRulesetId()).isEqualTo("rs-default");
            assertThat(s.getSteps()).extracting(StepRecord::getType).containsExactly("EMAIL", "TASK");
            assertThat(s.getSteps().get(1).getWaitDays()).isEqualTo(3);
            // v2 adds version, schedule and task assignment: v1 reads version 1, any time, default assignment
            assertThat(s.getVersion()).isIn(1, 2);
            if (s.getVersion() == 2) {
                assertThat(s.getSchedule().getTimeZone()).isEqualTo("America/New_York");
                assertThat(s.getSchedule().getDays()).containsExactly("MON", "TUE", "WED", "THU", "FRI");
                assertThat(s.getSchedule().getStartTime()).isEqualTo("09:00");
                assertThat(s.getTaskAssignment()).isEqualTo("MAILBOX_OWNER");
            } else {
                assertThat(s.getSchedule()).isNull();
                assertThat(s.getTaskAssignment()).isNull();
            }
        });
        check(MailboxRecord.class, m -> {
            assertThat(m.getEmail()).isEqualTo("sales@acme.example");
            assertThat(m.getOwnerId()).isEqualTo("user-7");
            assertThat(m.getIsUnauthorized()).isTrue();
            // v2 adds the sending limits: v1 reads the defaults (200 a day, no gap)
            assertThat(List.of(m.getDailyLimit(), m.getMinSecondsBetweenSends())).isIn(List.of(200, 0), List.of(150, 30));
        });
        check(SendRequestRecord.class, r -> {
            assertThat(r.getRequestId()).isEqualTo("req-enr-1-2");
            // v2 seals the address, subject and body (issue 12); v1 carries them in clear
            if (r.getSealed() != null) {
                assertThat(r.getToEmail()).isNull();
                assertThat(r.getSealed().getKeyId()).isEqualTo("key-1");
            } else {
                assertThat(r.getToEmail()).isEqualTo("ada@example.com");
            }
            assertThat(r.getFromEmail()).isEqualTo("sales@acme.example");
            assertThat(r.getStepIndex()).isEqualTo(2);
            assertThat(r.getRequestedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
        });
        check(DeliveryResultRecord.class, r -> {
            assertThat(r.getRequestId()).isEqualTo("req-enr-1-2");
            assertThat(r.getOutcome()).isEqualTo("REPLIED");
            assertThat(r.getClassification()).isEqualTo("AUTOMATED");
            assertThat(r.getReturnDate()).isEqualTo(LocalDate.of(2025, 3, 17));
            assertThat(r.getSealed() == null ? r.getSubject() : r.getSealed().getKeyId()).isIn("Out of office", "key-1");
        });
        check(TaskRecord.class, t -> {
            assertThat(t.getTaskId()).isEqualTo("task-enr-1-1");
            assertThat(t.getAssigneeId()).isEqualTo("user-7");
            assertThat(t.getStatus()).isEqualTo("COMPLETED");
            assertThat(t.getCompletedAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
            assertThat(t.getSealed() == null ? t.getBody() : t.getSealed().getKeyId()).isIn("Call them", "key-1"); // v2 seals
        });
        check(PersonKeyRecord.class, k -> {
            assertThat(k.getKeyId()).isEqualTo("key-1");
            assertThat(k.getAlgorithm()).isEqualTo("AES-256-GCM");
            assertThat(k.getKey().remaining()).isEqualTo(32);
        });
        check(SuppressionRecord.class, x -> {
            assertThat(x.getReason()).isEqualTo("ERASED");
            assertThat(x.getSuppressedAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
        });
        check(SealedFieldsRecord.class, f -> assertThat(f.getFields()).containsEntry("subject", "Re: hello"));
        check(ScheduleStatusRecord.class, r -> {
            assertThat(r.getEnrollmentId()).isEqualTo("enr-1");
            assertThat(r.getWaitingFor()).isEqualTo("WINDOW");
            assertThat(r.getNextStepDueAt()).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
        });
        check(PersonRecord.class, p -> {
            assertThat(p.getEmail()).isEqualTo("jane@example.com");
            assertThat(p.getCompanyDomain()).isEqualTo("example.com");
            assertThat(p.getEmailOptOut()).isTrue();
            assertThat(p.getHighBounceRisk()).isTrue();
            assertThat(p.getAttributes()).containsEntry("title", "CTO");
        });
        check(RulesetRecord.class, r -> {
            assertThat(r.getId()).isEqualTo("rs-default");
            assertThat(r.getAllowReenrollmentIntoSameSequence()).isFalse();
            assertThat(r.getReenrollmentWaitingDays()).isEqualTo(30);
            assertThat(r.getExclusionRuleIds()).containsExactly("rule-3", "rule-4");
            assertThat(r.getMaxActiveEnrollmentsPerCompany()).isIn(null, 3); // v2 adds the company limit
        });
        check(ExclusionRuleRecord.class, r -> {
            assertThat(r.getName()).isEqualTo("Competitors");
            assertThat(r.getLevel()).isEqualTo("COMPANY");
            assertThat(r.getRemoveFromActiveSequences()).isTrue();
            assertThat(r.getFilterJson()).contains("company_domain");
        });
        check(ExclusionMatchesRecord.class, m -> {
            assertThat(m.getPersonId()).isEqualTo("person-42");
            assertThat(m.getMatches()).extracting(ExclusionMatchRecord::getRuleId).containsExactly("rule-3", "rule-4");
            assertThat(m.getEvaluatedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
            // v2 adds since when and why; v1 reads null and no evidence
            ExclusionMatchRecord first = m.getMatches().get(0);
            if (first.getMatchedSince() != null) {
                assertThat(first.getEvidence()).singleElement().satisfies(e -> {
                    assertThat(e.getActual()).isEqualTo("Competitor");
                    assertThat(e.getObjectId()).isEqualTo("c-9");
                });
            } else {
                assertThat(first.getEvidence()).isEmpty();
            }
        });
        check(CrmChangeRecord.class, c -> {
            assertThat(c.getObjectType()).isEqualTo("company");
            assertThat(c.getDomain()).isEqualTo("rival.example");
            assertThat(c.getFields()).containsEntry("industry", "competitor");
            assertThat(c.getChangedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
        });
        check(OrgSettingsRecord.class, s -> {
            assertThat(s.getMailboxOwnershipPolicy()).isEqualTo("UNENROLL_ALL");
            assertThat(s.getCrmWriteBack()).containsEntry("salesforce", "READ_WRITE");
            assertThat(s.getAutoOptOutOnRemovalRequest()).isTrue();
            assertThat(s.getStopCompanyOnReply()).isIn("OFF", "POSITIVE_OR_NEUTRAL"); // v2 adds it; v1 reads OFF
        });
        check(CompanyLedgerRecord.class, r -> {
            assertThat(r.getCompanyDomain()).isEqualTo("acme.example");
            assertThat(r.getKind()).isEqualTo("RESERVE");
            assertThat(r.getEnrollmentId()).isEqualTo("enr-1");
            assertThat(r.getLimit()).isEqualTo(3);
            assertThat(r.getCommand().remaining()).isEqualTo(5);
            assertThat(r.getRecordedAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
        });
        check(CompanyLedgerStateRecord.class, s -> {
            assertThat(s.getCompanyDomain()).isEqualTo("acme.example");
            assertThat(s.getActiveCount()).isEqualTo(3);
            assertThat(s.getReservedCount()).isEqualTo(1);
        });
        check(CompanyMemberRecord.class, m -> {
            assertThat(m.getCompanyDomain()).isEqualTo("acme.example");
            assertThat(m.getEnrollmentId()).isEqualTo("enr-1");
            assertThat(m.getPersonId()).isEqualTo("person-42");
            assertThat(m.getSequenceId()).isEqualTo("seq-welcome");
            assertThat(m.getSince()).isEqualTo(Instant.parse("2025-03-04T09:15:30.123Z"));
        });
        check(CrmWriteBackRecord.class, w -> {
            assertThat(w.getCrm()).isEqualTo("salesforce");
            assertThat(w.getField()).isEqualTo("email_opt_out");
            assertThat(w.getCommandId()).isEqualTo("cmd-0003");
        });
        check(ExclusionListEntryRecord.class, e -> {
            assertThat(e.getListId()).isEqualTo("competitors");
            assertThat(e.getDomain()).isEqualTo("rival.example");
        });
        check(CommandReplyRecord.class, r -> {
            assertThat(r.getCommandId()).isEqualTo("cmd-0001");
            assertThat(r.getDuplicate()).isFalse();
            assertThat(r.getRejections()).singleElement().satisfies(x -> {
                assertThat(x.getRuleId()).isEqualTo("rule-3");
                assertThat(x.getLevel()).isEqualTo("ORGANIZATION");
                assertThat(x.getLimit()).isIn(null, 3); // v3 adds the company limit's fields
            });
            assertThat(r.getActiveSequenceId()).isEqualTo("seq-other");
            // v1 has no error fields (they read as null); v2 carries the sample's
            if (r.getErrorReference() != null) {
                assertThat(r.getErrorReference()).isEqualTo("5f1c7a52-1b0e-3c4f-9a8d-2e6b7c1d0f34");
                assertThat(r.getError()).startsWith("RecordTooLargeException");
            } else {
                assertThat(r.getError()).isNull();
            }
        });
        check(UnenrollJobRecord.class, j -> {
            assertThat(j.getId()).isEqualTo("job-5");
            assertThat(j.getState()).isEqualTo("RUNNING");
            assertThat(j.getSelectorKind()).isEqualTo("COMPANY_DOMAINS");
            assertThat(j.getCompanyDomains()).containsExactly("rival.example");
            assertThat(j.getTargets()).singleElement().satisfies(t -> assertThat(t.getEnrollmentId()).isEqualTo("enr-1"));
            assertThat(j.getSequenceId()).isNull();
            assertThat(j.getUnenrolled()).isEqualTo(1);
            // v2 added total and finished_at: v1 samples read the defaults
            assertThat(j.getTotal()).isIn(0, 1);
            if (j.getTotal() == 1) assertThat(j.getFinishedAt()).isNotNull();
            else assertThat(j.getFinishedAt()).isNull();
            // v3 adds the job kind: earlier versions read UNENROLL
            assertThat(j.getKind()).isIn("UNENROLL", "RESTORE");
            if (j.getKind().equals("RESTORE")) assertThat(j.getSkippedByReason()).containsEntry("ALREADY_ENROLLED_ACTIVE", 1);
            // v4 adds the target version of UPGRADE jobs
            assertThat(j.getToVersion()).isNull();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> void check(Class<T> type, Consumer<T> assertions) {
        GOLDEN_CHECKS.put(type, o -> assertions.accept((T) o));
    }

    private static Schema current(Class<? extends SpecificRecord> type) {
        return SpecificData.getForClass(type).getSchema(type);
    }

    @Test
    void everyTopLevelRecordHasReleasedVersionsAndNothingElseDoes() {
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            assertThat(SchemaHistory.versions(type))
                    .as("%s has no released version: run SchemaReleaseTool (see schemas/README.md)", type.getSimpleName())
                    .isNotEmpty();
        }
        assertThat(SchemaHistory.all().keySet())
                .containsExactlyInAnyOrderElementsOf(AvroSerdes.TOP_LEVEL.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void everyAvroValueOnATopicIsATopLevelRecord() {
        List<Object> onTopics = Topics.all().stream()
                .flatMap(t -> t.avroValueType().stream())
                .map(type -> (Object) type)
                .toList();
        assertThat(onTopics).isNotEmpty();
        assertThat(new ArrayList<Object>(AvroSerdes.TOP_LEVEL)).containsAll(onTopics);
    }

    @Test
    void everyCurrentSchemaIsReleased() {
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            List<Schema> versions = SchemaHistory.versions(type);
            assertThat(versions.get(versions.size() - 1))
                    .as("%s changed since its last release v%d: release v%d with SchemaReleaseTool (see schemas/README.md)",
                            type.getSimpleName(), versions.size(), versions.size() + 1)
                    .isEqualTo(current(type));
        }
    }

    @Test
    void releasedVersionsHaveDistinctFingerprints() {
        for (Map.Entry<String, List<Schema>> e : SchemaHistory.all().entrySet()) {
            assertThat(e.getValue().stream().map(SchemaNormalization::parsingFingerprint64).collect(Collectors.toSet()))
                    .as("fingerprints of %s", e.getKey())
                    .hasSameSizeAs(e.getValue());
        }
    }

    @TestFactory
    List<DynamicTest> currentSchemaReadsEveryReleasedVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            List<Schema> versions = SchemaHistory.versions(type);
            for (int i = 0; i < versions.size(); i++) {
                Schema old = versions.get(i);
                tests.add(dynamicTest(type.getSimpleName() + " reads v" + (i + 1), () -> {
                    SchemaCompatibility.SchemaPairCompatibility result =
                            SchemaCompatibility.checkReaderWriterCompatibility(current(type), old);
                    assertThat(result.getType())
                            .as("%s", result.getResult())
                            .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> goldenSamplesOfEveryReleasedVersionDecode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            List<Schema> versions = SchemaHistory.versions(type);
            for (int i = 0; i < versions.size(); i++) {
                int version = i + 1;
                Schema writer = versions.get(i);
                String resource = "golden/" + type.getSimpleName() + "/v" + version + ".bin";
                tests.add(dynamicTest(resource, () -> {
                    byte[] bytes = read(resource);
                    assertThat(bytes).as("%s (write it with SchemaReleaseTool, see schemas/README.md)", resource).isNotNull();
                    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    assertThat(fingerprint).as("%s is written with v%d", resource, version)
                            .isEqualTo(SchemaNormalization.parsingFingerprint64(writer));

                    Object decoded = AvroSerdes.forClass(type).deserialize("golden", bytes);

                    assertThat(decoded).isInstanceOf(type);
                    assertThat(GOLDEN_CHECKS).as("golden checks for %s", type.getSimpleName()).containsKey(type);
                    GOLDEN_CHECKS.get(type).accept(decoded);
                }));
            }
        }
        return tests;
    }

    @Test
    void goldenSamplesStillMatchTheSamples() {
        // While a record has a single version, its golden sample is exactly Samples' value.
        for (Class<? extends SpecificRecord> type : AvroSerdes.TOP_LEVEL) {
            if (SchemaHistory.versions(type).size() == 1) {
                Object decoded = AvroSerdes.forClass(type).deserialize("golden", read("golden/" + type.getSimpleName() + "/v1.bin"));
                assertThat(decoded).as(type.getSimpleName()).isEqualTo(Samples.all().get(type));
            }
        }
    }

    @Test
    void samplesCoverLogicalTypes() {
        RecordReplyCommand reply = (RecordReplyCommand) Samples.replyCommand().getPayload();
        assertThat(reply.getReturnDate()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void commandReplyV1ReadsWithoutAnErrorAndV2CarriesIt() {
        CommandReplyRecord v1 = AvroSerdes.forClass(CommandReplyRecord.class)
                .deserialize("golden", read("golden/CommandReplyRecord/v1.bin"));
        assertThat(v1.getErrorReference()).isNull();
        assertThat(v1.getError()).isNull();
        CommandReplyRecord v2 = AvroSerdes.forClass(CommandReplyRecord.class)
                .deserialize("golden", read("golden/CommandReplyRecord/v2.bin"));
        assertThat(v2.getErrorReference()).isEqualTo("5f1c7a52-1b0e-3c4f-9a8d-2e6b7c1d0f34");
        assertThat(v2.getError()).contains("max.request.size");
    }

    private static byte[] read(String resource) {
        try (InputStream in = CompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
