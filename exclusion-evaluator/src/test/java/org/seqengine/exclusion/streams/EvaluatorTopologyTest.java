package org.seqengine.exclusion.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.exclusion.streams.EvaluatorFixture.START;
import static org.seqengine.exclusion.streams.EvaluatorFixture.key;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.schemas.avro.MailboxOwnerChangedCommand;

/** The evaluator topology end to end on a TopologyTestDriver; the test moves the wall clock. */
class EvaluatorTopologyTest {

    static final String CUSTOMER = "{\"field\":\"person.lifecycle_stage\",\"op\":\"equals\",\"value\":\"customer\"}";
    static final String COMPETITOR = "{\"field\":\"company.industry\",\"op\":\"equals\",\"value\":\"competitor\"}";
    static final String OPEN_BIG_OPPORTUNITY = "{\"all\":[{\"field\":\"opportunity.stage\",\"op\":\"equals\",\"value\":\"open\"},"
            + "{\"field\":\"opportunity.amount\",\"op\":\"gt\",\"value\":1000}]}";
    static final String CLOSED_RECENTLY = "{\"field\":\"opportunity.closed_at\",\"op\":\"within_last_days\",\"value\":90}";

    @TempDir
    Path stateDir;
    EvaluatorFixture f;

    @BeforeEach
    void setUp() {
        f = new EvaluatorFixture(stateDir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aPersonChangeExcludesTheActiveEnrollment() {
        f.rule("customers", "PERSON", CUSTOMER, true, true);
        f.sequence("s1", null);
        f.person("p1", "example.com");
        f.enrollment("e1", "p1", "s1", "m1", 1, null);

        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);

        ExclusionMatchesRecord published = f.latestMatches().get(key("p1"));
        assertThat(published.getMatches()).extracting(ExclusionMatchRecord::getRuleId).containsExactly("customers");
        ExclusionMatchRecord match = published.getMatches().get(0);
        assertThat(match.getLevel()).isEqualTo("PERSON");
        assertThat(match.getMatchedSince()).isEqualTo(START);
        ExclusionEvidenceRecord evidence = match.getEvidence().get(0);
        assertThat(evidence.getField()).isEqualTo("person.lifecycle_stage");
        assertThat(evidence.getActual()).isEqualTo("customer");
        assertThat(evidence.getCrm()).isEqualTo("salesforce");
        assertThat(evidence.getObjectId()).isEqualTo("003A1");
        assertThat(evidence.getPersonId()).isEqualTo("p1");

        List<TestRecord<String, CommandEnvelope>> commands = f.newCommands();
        assertThat(commands).hasSize(1);
        CommandEnvelope exclude = commands.get(0).value();
        assertThat(commands.get(0).key()).isEqualTo(key("p1"));
        assertThat(exclude.getActor()).isEqualTo("exclusion-evaluator");
        assertThat(exclude.getPayload()).isInstanceOf(ExcludeCommand.class);
        assertThat(((ExcludeCommand) exclude.getPayload()).getMatches()).extracting(ExclusionMatchRecord::getRuleId)
                .containsExactly("customers");
    }

    @Test
    void aCompanyChangeFansOutToEveryPersonAtTheDomain() {
        f.rule("competitors", "COMPANY", COMPETITOR, true, false);
        f.person("p1", "https://www.Example.com/about");
        f.person("p2", "example.com");
        f.person("p3", "EXAMPLE.com.");
        f.person("p4", "other.com");

        f.company("hubspot", "c-9", "example.com", Map.of("industry", "competitor"), START);

        Map<String, ExclusionMatchesRecord> latest = f.latestMatches();
        assertThat(latest.keySet()).containsExactlyInAnyOrder(key("p1"), key("p2"), key("p3"));
        assertThat(latest.get(key("p2")).getMatches().get(0).getLevel()).isEqualTo("COMPANY");
        assertThat(latest.get(key("p2")).getMatches().get(0).getEvidence().get(0).getCrm()).isEqualTo("hubspot");
        assertThat(f.newCommands()).as("remove from active is off").isEmpty();
    }

    @Test
    void anOpportunityFromASecondCrmMatchesAsOneRecord() {
        f.rule("big-deals", "COMPANY", OPEN_BIG_OPPORTUNITY, true, false);
        f.person("p1", "example.com");

        f.opportunity("salesforce", "006B2", "example.com", Map.of("stage", "open", "amount", "500"), START);
        f.opportunity("salesforce", "006B3", "example.com", Map.of("stage", "closed", "amount", "9000"), START);
        assertThat(f.latestMatches()).as("no single opportunity is open and big").isEmpty();

        f.opportunity("hubspot", "d-1", "example.com", Map.of("stage", "open", "amount", "5000"), START);
        ExclusionMatchRecord match = f.latestMatches().get(key("p1")).getMatches().get(0);
        assertThat(match.getRuleId()).isEqualTo("big-deals");
        assertThat(match.getEvidence()).extracting(ExclusionEvidenceRecord::getCrm).containsOnly("hubspot");
    }

    @Test
    void aTimeRelativeConditionFlipsWithTheWallClock() {
        f.rule("recently-closed", "COMPANY", CLOSED_RECENTLY, true, false);
        f.person("p1", "example.com");
        f.opportunity("salesforce", "006", "example.com",
                Map.of("closed_at", START.minus(Duration.ofDays(89)).toString()), START);
        assertThat(f.latestMatches().get(key("p1")).getMatches()).hasSize(1);

        f.advance(Duration.ofHours(23));
        assertThat(f.latestMatches()).as("still within 90 days").isEmpty();

        f.advance(Duration.ofHours(2));
        ExclusionMatchesRecord after = f.latestMatches().get(key("p1"));
        assertThat(after.getMatches()).as("closed more than 90 days ago now").isEmpty();
    }

    @Test
    void aRuleSwitchedOnStopsPeopleAlreadyMatching() {
        f.rule("customers", "PERSON", CUSTOMER, true, false);
        f.sequence("s1", null);
        f.person("p1", "example.com");
        f.enrollment("e1", "p1", "s1", "m1", 0, null);
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);
        ExclusionMatchesRecord first = f.latestMatches().get(key("p1"));
        assertThat(first.getMatches()).hasSize(1);
        assertThat(f.newCommands()).as("remove from active is off: the enrollment continues").isEmpty();

        f.rule("customers", "PERSON", CUSTOMER, true, true);
        f.advance(Duration.ofMillis(200));

        List<TestRecord<String, CommandEnvelope>> commands = f.newCommands();
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).value().getPayload()).isInstanceOf(ExcludeCommand.class);
        assertThat(f.latestMatches()).as("what readers see did not change (since when is kept)").isEmpty();

        f.advance(Duration.ofMillis(200));
        assertThat(f.newCommands()).as("sent once").isEmpty();
    }

    @Test
    void aNewRuleTakesEffectForPeopleItConcernsWithoutACrmChange() {
        f.person("p1", "example.com");
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);
        assertThat(f.latestMatches()).isEmpty();

        f.rule("customers", "PERSON", CUSTOMER, true, false);
        f.advance(Duration.ofMillis(200));

        assertThat(f.latestMatches().get(key("p1")).getMatches()).extracting(ExclusionMatchRecord::getRuleId)
                .containsExactly("customers");
    }

    @Test
    void matchesArePublishedOnlyWhenTheyChange() {
        f.rule("customers", "PERSON", CUSTOMER, true, false);
        f.person("p1", "example.com");
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);
        assertThat(f.matches.readRecordsToList()).hasSize(1);

        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);
        f.crmPerson("salesforce", "003A1", "p1", Map.of("title", "CTO"), START.plusSeconds(1));
        f.crmPerson("hubspot", "h-1", "p1", Map.of("lifecycle_stage", "lead"), START.minusSeconds(60));
        f.advance(Duration.ofSeconds(1));
        assertThat(f.matches.readRecordsToList()).as("a repeat, an unrelated field and an older value change nothing").isEmpty();

        f.crmPerson("hubspot", "h-1", "p1", Map.of("lifecycle_stage", "lead"), START.plusSeconds(60));
        List<TestRecord<String, ExclusionMatchesRecord>> out = f.matches.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).value().getMatches()).as("a later change in another CRM wins").isEmpty();
    }

    @Test
    void anExcludeIsSentOnlyWhenAnApplicableActiveEnrollmentExists() {
        // remove from active on, but neither the org toggle nor s1's ruleset applies the rule
        f.rule("customers", "PERSON", CUSTOMER, false, true);
        f.ruleset("strict", List.of("customers"));
        f.sequence("s1", null);
        f.sequence("s2", "strict");
        f.person("p1", "example.com");
        f.person("p2", "example.com");
        f.person("p3", "example.com");
        f.enrollment("e1", "p1", "s1", "m1", 0, null);
        f.enrollment("e2", "p2", "s2", "m1", 0, null);
        f.enrollment("e3", "p3", "s2", "m1", 2, "COMPLETED");

        for (String p : List.of("p1", "p2", "p3")) {
            f.crmPerson("salesforce", "x-" + p, p, Map.of("lifecycle_stage", "customer"), START);
        }

        assertThat(f.latestMatches()).hasSize(3);
        List<TestRecord<String, CommandEnvelope>> commands = f.newCommands();
        assertThat(commands).extracting(TestRecord::key).containsExactly(key("p2"));
    }

    @Test
    void anOwnerChangeSendsOneCommandPerActiveEnrollmentWithTheLeastLoadedTarget() {
        f.mailbox("m1", "u1");
        f.mailbox("m2", "u2");
        f.mailbox("m3", "u2");
        f.mailboxLoad.pipeInput(key("m2"), 3L);
        f.mailboxLoad.pipeInput(key("m3"), 1L);
        f.enrollment("e1", "p1", "s1", "m1", 2, null);   // started
        f.enrollment("e2", "p2", "s1", "m1", 0, null);   // queued
        f.enrollment("e3", "p3", "s1", "m1", 0, "COMPLETED");
        assertThat(f.newCommands()).isEmpty();

        f.mailbox("m1", "u2");

        List<TestRecord<String, CommandEnvelope>> commands = f.newCommands();
        assertThat(commands).extracting(TestRecord::key).containsExactly(key("p1"), key("p2"));
        MailboxOwnerChangedCommand first = (MailboxOwnerChangedCommand) commands.get(0).value().getPayload();
        MailboxOwnerChangedCommand second = (MailboxOwnerChangedCommand) commands.get(1).value().getPayload();
        assertThat(first.getEnrollmentId()).isEqualTo("e1");
        assertThat(first.getMailboxId()).isEqualTo("m1");
        assertThat(first.getReassignToMailboxId()).isEqualTo("m3");
        assertThat(second.getReassignToMailboxId()).as("m3 counts the first one: 2 < 3").isEqualTo("m3");

        f.mailbox("m1", "u2");
        assertThat(f.newCommands()).as("no owner change").isEmpty();
    }

    @Test
    void underUnenrollAllAnOwnerChangeNamesNoTarget() {
        f.policy("UNENROLL_ALL");
        f.mailbox("m1", "u1");
        f.mailbox("m2", "u2");
        f.enrollment("e2", "p2", "s1", "m1", 0, null);

        f.mailbox("m1", "u2");

        List<TestRecord<String, CommandEnvelope>> commands = f.newCommands();
        assertThat(commands).hasSize(1);
        assertThat(((MailboxOwnerChangedCommand) commands.get(0).value().getPayload()).getReassignToMailboxId()).isNull();
    }

    @Test
    void anErasedPersonsMatchesAreTombstoned() {
        f.rule("customers", "PERSON", CUSTOMER, true, false);
        f.person("p1", "example.com");
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);
        assertThat(f.matches.readRecordsToList()).hasSize(1);

        f.people.pipeInput(key("p1"), null);

        List<TestRecord<String, ExclusionMatchesRecord>> out = f.matches.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).value()).isNull();
    }

    @Test
    void aDomainListMatchesEveryoneAtTheDomain() {
        f.rule("list-1", "COMPANY", "{\"field\":\"company.domain\",\"op\":\"in_list\",\"value\":\"list-1\"}", true, true);
        f.person("p1", "example.com");
        f.person("p2", "www.example.com");
        f.listEntries.pipeInput(EvaluatorFixture.ORG + "/list-1/example.com",
                org.seqengine.schemas.avro.ExclusionListEntryRecord.newBuilder().setOrgId(EvaluatorFixture.ORG)
                        .setListId("list-1").setDomain("example.com").build());
        assertThat(f.latestMatches()).containsOnlyKeys(key("p1"), key("p2"));

        f.listEntries.pipeInput(EvaluatorFixture.ORG + "/list-1/example.com", null);
        assertThat(f.latestMatches().get(key("p1")).getMatches()).isEmpty();
    }

    @Test
    void aPersonMovingToAnotherDomainIsEvaluatedThere() {
        f.rule("competitors", "COMPANY", COMPETITOR, true, false);
        f.company("hubspot", "c-9", "rival.com", Map.of("industry", "competitor"), START);
        f.person("p1", "example.com");
        assertThat(f.latestMatches()).isEmpty();

        f.person("p1", "rival.com");
        assertThat(f.latestMatches().get(key("p1")).getMatches()).hasSize(1);

        f.person("p1", null);
        assertThat(f.latestMatches().get(key("p1")).getMatches()).isEmpty();
    }
}
