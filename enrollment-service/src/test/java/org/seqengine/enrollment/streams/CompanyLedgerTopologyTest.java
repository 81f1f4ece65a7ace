package org.seqengine.enrollment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.*;

/**
 * The company ledger inside the enrollment topology on a {@link TopologyTestDriver}: a capped Enroll
 * goes to the ledger and comes back with its slot (the driver feeds the commands topic back in), the
 * count follows enrollments that end, and a reply stops the colleagues.
 */
class CompanyLedgerTopologyTest {

    private static final String ORG = "org-1";
    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final String SEQ = "seq-a";
    private static final String DOMAIN = "customer.example";
    private static final String MAILBOX_EMAIL = "sender1@acme.example";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CommandEnvelope> commands;
    private TestOutputTopic<String, EventEnvelope> events;
    private TestOutputTopic<String, CommandReplyRecord> replies;
    private TestOutputTopic<String, CompanyLedgerRecord> ledgerEntries;
    private int commandCounter;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "company-ledger-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(EnrollmentTopology.build(), props, START);
        commands = input(Topics.COMMANDS);
        events = output(Topics.EVENTS);
        replies = output(Topics.COMMAND_REPLIES);
        ledgerEntries = output(Topics.COMPANY_LEDGER);

        input(Topics.RULESETS).pipeInput(Keys.of(ORG, "default"), RulesetRecord.newBuilder().setOrgId(ORG).setId("default")
                .setAllowReenrollmentIntoSequences(true).setAllowReenrollmentIntoSameSequence(true)
                .setReenrollmentWaitingDays(0).setMaxActiveEnrollmentsPerCompany(2).build());
        input(Topics.SEQUENCES).pipeInput(Keys.of(ORG, SEQ), SequenceRecord.newBuilder().setOrgId(ORG).setId(SEQ)
                .setName("A").setIsPublished(true).setIsPaused(false)
                .setSteps(List.of(StepRecord.newBuilder().setType("EMAIL").setWaitDays(0).setSubject("Hi").setBody("Hello").build()))
                .build());
        input(Topics.MAILBOXES).pipeInput(Keys.of(ORG, "mb-1"), MailboxRecord.newBuilder().setOrgId(ORG).setId("mb-1")
                .setEmail(MAILBOX_EMAIL).setDisplayName("Sender").setOwnerId("user-1").setIsPaused(false)
                .setIsUnauthorized(false).build());
        input(Topics.SETTINGS).pipeInput(ORG, OrgSettingsRecord.newBuilder().setOrgId(ORG)
                .setStopCompanyOnReply("ANY_REPLY").build());
        TestInputTopic<String, PersonRecord> people = input(Topics.PEOPLE);
        for (String person : List.of("p-1", "p-2", "p-3", "p-4")) {
            // the same company written three ways: one normalized domain
            String domain = switch (person) {
                case "p-1" -> "https://www.Customer.example/about";
                case "p-2" -> "CUSTOMER.example.";
                default -> DOMAIN;
            };
            people.pipeInput(Keys.of(ORG, person), PersonRecord.newBuilder().setOrgId(ORG).setId(person)
                    .setEmail(person + "@customer.example").setFirstName("Ada").setLastName("L").setCompanyDomain(domain)
                    .setDoNotEmail(false).setEmailOptOut(false).setHighBounceRisk(false).build());
        }
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void enrollsUpToTheLimitThenRejectsNamingTheCompanyAndFinishingOneLetsTheNextIn() {
        Map<String, CommandReplyRecord> answers = enrollAll("p-1", "p-2", "p-3");

        assertThat(answers.get("p-1").getEnrollmentIds()).hasSize(1);
        assertThat(answers.get("p-2").getEnrollmentIds()).hasSize(1);
        assertThat(answers.get("p-3").getRejections()).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("COMPANY_LIMIT_REACHED");
            assertThat(r.getCompanyDomain()).isEqualTo(DOMAIN);
            assertThat(r.getLimit()).isEqualTo(2);
            assertThat(r.getActiveCount()).isEqualTo(2);
        });
        assertThat(ledgerActive()).containsExactly("p-1", "p-2");
        assertThat(ledgerReserved()).isZero();
        assertThat(ledgerEntries.readValuesToList()).extracting(CompanyLedgerRecord::getKind)
                .containsExactlyInAnyOrder("RESERVE", "RESERVE", "RESERVE", "ACTIVATED", "ACTIVATED");

        send(new EnrollmentCommand.Unenroll(meta("p-1"), answers.get("p-1").getEnrollmentIds().get(0)));
        assertThat(ledgerActive()).containsExactly("p-2");

        assertThat(enrollAll("p-4").get("p-4").getEnrollmentIds()).hasSize(1);
        assertThat(ledgerActive()).containsExactly("p-2", "p-4");
    }

    @Test
    void aRetriedEnrollIsAnsweredOnceAndItsSecondSlotIsReleased() {
        EnrollmentCommand.Enroll enroll = new EnrollmentCommand.Enroll(meta("p-1"), SEQ, List.of(MAILBOX_EMAIL));
        send(enroll);
        send(enroll);

        List<CommandReplyRecord> answers = replies.readValuesToList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getDuplicate()).isFalse();
        assertThat(answers.get(1).getDuplicate()).isTrue();
        assertThat(answers).allSatisfy(a -> assertThat(a.getEnrollmentIds()).isEqualTo(answers.get(0).getEnrollmentIds()));
        assertThat(ledgerActive()).hasSize(1);
        assertThat(ledgerReserved()).isZero();
    }

    @Test
    void aReplyStopsTheColleaguesWithTheirReason() {
        Map<String, CommandReplyRecord> answers = enrollAll("p-1", "p-2");
        String replied = answers.get("p-1").getEnrollmentIds().get(0);
        events.readValuesToList();

        send(new EnrollmentCommand.RecordReply(meta("p-1"), replied, "reply-1", "Re: Hi",
                org.seqengine.enrollment.domain.ReplyClassification.NEGATIVE, START, null));

        List<EventEnvelope> log = events.readValuesToList();
        assertThat(log).filteredOn(e -> e.getPayload() instanceof UnenrolledEvent).singleElement().satisfies(e -> {
            assertThat(e.getPersonId()).isEqualTo("p-2");
            UnenrolledEvent u = (UnenrolledEvent) e.getPayload();
            assertThat(u.getFinishReason()).isEqualTo("COLLEAGUE_REPLIED");
            assertThat(u.getColleagueReply().getPersonId()).isEqualTo("p-1");
            assertThat(u.getColleagueReply().getEnrollmentId()).isEqualTo(replied);
        });
        assertThat(ledgerActive()).isEmpty();
    }

    private Map<String, CommandReplyRecord> enrollAll(String... people) {
        for (String person : people) {
            send(new EnrollmentCommand.Enroll(meta(person), SEQ, List.of(MAILBOX_EMAIL)));
        }
        return replies.readValuesToList().stream().collect(Collectors.toMap(CommandReplyRecord::getPersonId, Function.identity()));
    }

    /** The people with an active enrollment in the ledger's members, and its count, which must agree. */
    private List<String> ledgerActive() {
        KeyValueStore<String, CompanyMemberRecord> members = driver.getKeyValueStore(StoreNames.COMPANY_LEDGER_MEMBERS);
        List<String> people = new java.util.ArrayList<>();
        try (var it = members.prefixScan(Keys.of(ORG, DOMAIN) + "/active/", new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> people.add(kv.value.getPersonId()));
        }
        KeyValueStore<String, CompanyLedgerStateRecord> counts = driver.getKeyValueStore(StoreNames.COMPANY_LEDGER);
        CompanyLedgerStateRecord count = counts.get(Keys.of(ORG, DOMAIN));
        assertThat(count == null ? 0 : count.getActiveCount()).isEqualTo(people.size());
        return people.stream().sorted().toList();
    }

    private int ledgerReserved() {
        KeyValueStore<String, CompanyLedgerStateRecord> counts = driver.getKeyValueStore(StoreNames.COMPANY_LEDGER);
        CompanyLedgerStateRecord count = counts.get(Keys.of(ORG, DOMAIN));
        return count == null ? 0 : count.getReservedCount();
    }

    private CommandMeta meta(String person) {
        return new CommandMeta("cmd-" + (++commandCounter), ORG, person, START, "test", null);
    }

    private void send(EnrollmentCommand command) {
        commands.pipeInput(Keys.of(ORG, command.meta().personId()), CommandMapper.toAvro(command), START);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
