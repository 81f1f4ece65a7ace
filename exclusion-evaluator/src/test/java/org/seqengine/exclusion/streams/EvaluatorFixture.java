package org.seqengine.exclusion.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CrmChangeRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.ExclusionListEntryRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.OrgSettingsRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.RulesetRecord;
import org.seqengine.schemas.avro.SequenceRecord;

/** The evaluator topology on a {@link TopologyTestDriver}, with record builders; the test moves the wall clock. */
final class EvaluatorFixture implements AutoCloseable {

    static final String ORG = "org-a";
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, PersonRecord> people;
    final TestInputTopic<String, CrmChangeRecord> crmPeople;
    final TestInputTopic<String, CrmChangeRecord> companies;
    final TestInputTopic<String, CrmChangeRecord> opportunities;
    final TestInputTopic<String, ExclusionListEntryRecord> listEntries;
    final TestInputTopic<String, ExclusionRuleRecord> rules;
    final TestInputTopic<String, RulesetRecord> rulesets;
    final TestInputTopic<String, SequenceRecord> sequences;
    final TestInputTopic<String, EnrollmentRecord> enrollments;
    final TestInputTopic<String, MailboxRecord> mailboxes;
    final TestInputTopic<String, Long> mailboxLoad;
    final TestInputTopic<String, OrgSettingsRecord> settings;
    final TestOutputTopic<String, ExclusionMatchesRecord> matches;
    final TestOutputTopic<String, CommandEnvelope> commands;

    EvaluatorFixture(Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "exclusion-evaluator-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(EvaluatorTopology.build(EvaluatorSettings.defaults()), props, START);
        people = input(Topics.PEOPLE);
        crmPeople = input(Topics.CRM_PEOPLE_CHANGES);
        companies = input(Topics.CRM_COMPANY_CHANGES);
        opportunities = input(Topics.CRM_OPPORTUNITY_CHANGES);
        listEntries = input(Topics.EXCLUSION_LIST_ENTRIES);
        rules = input(Topics.EXCLUSION_RULES);
        rulesets = input(Topics.RULESETS);
        sequences = input(Topics.SEQUENCES);
        enrollments = input(Topics.ENROLLMENTS);
        mailboxes = input(Topics.MAILBOXES);
        mailboxLoad = input(Topics.MAILBOX_LOAD);
        settings = input(Topics.SETTINGS);
        matches = output(Topics.EXCLUSION_MATCHES);
        commands = output(Topics.COMMANDS);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> t) {
        return driver.createInputTopic(t.name(), t.keySerde().serializer(), t.valueSerde().serializer(), START, Duration.ZERO);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> t) {
        return driver.createOutputTopic(t.name(), t.keySerde().deserializer(), t.valueSerde().deserializer());
    }

    static String key(String id) {
        return ORG + "/" + id;
    }

    void advance(Duration d) {
        driver.advanceWallClockTime(d);
    }



    // ---- inputs ----

    void person(String id, String companyDomain) {
        people.pipeInput(key(id), PersonRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(id + "@mail.test")
                .setCompanyDomain(companyDomain).setDoNotEmail(false).setEmailOptOut(false).build());
    }

    void rule(String id, String level, String filterJson, boolean excludeFromSequences, boolean removeFromActive) {
        rules.pipeInput(key(id), ExclusionRuleRecord.newBuilder().setOrgId(ORG).setId(id).setName(id).setLevel(level)
                .setExcludeFromSequences(excludeFromSequences).setRemoveFromActiveSequences(removeFromActive)
                .setFilterJson(filterJson).build());
    }

    void sequence(String id, String rulesetId) {
        sequences.pipeInput(key(id), SequenceRecord.newBuilder().setOrgId(ORG).setId(id).setName(id).setIsPublished(true)
                .setIsPaused(false).setRulesetId(rulesetId).build());
    }

    void ruleset(String id, List<String> ruleIds) {
        rulesets.pipeInput(key(id), RulesetRecord.newBuilder().setOrgId(ORG).setId(id).setAllowReenrollmentIntoSequences(false)
                .setAllowReenrollmentIntoSameSequence(false).setReenrollmentWaitingDays(75).setExclusionRuleIds(ruleIds).build());
    }

    void enrollment(String id, String personId, String sequenceId, String mailboxId, int stepsCompleted, String finishReason) {
        enrollments.pipeInput(key(id), EnrollmentRecord.newBuilder().setId(id).setOrgId(ORG).setPersonId(personId)
                .setSequenceId(sequenceId).setMailboxId(mailboxId).setCreatedAt(START).setUpdatedAt(START)
                .setNextStepIndex(stepsCompleted).setStepsCompleted(stepsCompleted).setCanceled(false)
                .setFinishReason(finishReason).build());
    }

    void mailbox(String id, String ownerId) {
        mailboxes.pipeInput(key(id), MailboxRecord.newBuilder().setOrgId(ORG).setId(id).setEmail(id + "@sender.test")
                .setOwnerId(ownerId).setIsPaused(false).setIsUnauthorized(false).build());
    }

    void policy(String policy) {
        settings.pipeInput(ORG, OrgSettingsRecord.newBuilder().setOrgId(ORG).setMailboxOwnershipPolicy(policy).build());
    }

    static CrmChangeRecord change(String crm, String type, String objectId, String personId, String domain,
                                  Map<String, String> fields, boolean deleted, Instant changedAt) {
        return CrmChangeRecord.newBuilder().setOrgId(ORG).setCrm(crm).setObjectType(type).setObjectId(objectId)
                .setPersonId(personId).setDomain(domain).setFields(new java.util.HashMap<>(fields)).setDeleted(deleted)
                .setChangedAt(changedAt).build();
    }

    void crmPerson(String crm, String objectId, String personId, Map<String, String> fields, Instant changedAt) {
        crmPeople.pipeInput(key(personId), change(crm, "person", objectId, personId, null, fields, false, changedAt));
    }

    void company(String crm, String objectId, String domain, Map<String, String> fields, Instant changedAt) {
        companies.pipeInput(key(domain), change(crm, "company", objectId, null, domain, fields, false, changedAt));
    }

    void opportunity(String crm, String objectId, String domain, Map<String, String> fields, Instant changedAt) {
        opportunities.pipeInput(key(domain), change(crm, "opportunity", objectId, null, domain, fields, false, changedAt));
    }

    // ---- outputs ----

    /** The latest published matches per person key, of everything published since the last read. */
    Map<String, ExclusionMatchesRecord> latestMatches() {
        return matches.readKeyValuesToMap();
    }

    List<TestRecord<String, CommandEnvelope>> newCommands() {
        return commands.readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
