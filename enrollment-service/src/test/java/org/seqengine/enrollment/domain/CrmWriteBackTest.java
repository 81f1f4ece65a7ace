package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqengine.enrollment.domain.reference.CrmAccess;
import org.seqengine.enrollment.domain.reference.MailboxOwnershipPolicy;
import org.seqengine.enrollment.domain.reference.OrgSettings;

/** Which opt-outs are written back to which CRMs. */
class CrmWriteBackTest {

    private static final OrgSettings SETTINGS = new OrgSettings(MailboxOwnershipPolicy.REASSIGN_QUEUED,
            Map.of("salesforce", CrmAccess.READ_WRITE, "hubspot", CrmAccess.READ_ONLY, "pipedrive", CrmAccess.READ_WRITE),
            true);

    private final Scenario s = Scenario.of(Fixtures.reference().settings(SETTINGS));

    private List<CrmWriteBack> optOut(OptOutSource source, String commandId) {
        List<EnrollmentEvent> events = s.run(new EnrollmentCommand.OptOut(Fixtures.meta(commandId), source));
        return CrmWriteBack.forEvents(events, s.reference);
    }

    @ParameterizedTest
    @EnumSource(value = OptOutSource.class, names = "CRM", mode = EnumSource.Mode.EXCLUDE)
    void anOptOutMadeHereGoesToEveryReadWriteCrmOnce(OptOutSource source) {
        List<CrmWriteBack> out = optOut(source, "c-1");

        assertThat(out).extracting(CrmWriteBack::crm).containsExactly("pipedrive", "salesforce");
        assertThat(out).allSatisfy(w -> {
            assertThat(w.field()).isEqualTo("email_opt_out");
            assertThat(w.value()).isEqualTo("true");
            assertThat(w.source()).isEqualTo(source);
            assertThat(w.commandId()).isEqualTo("c-1");
            assertThat(w.personId()).isEqualTo(Fixtures.PERSON);
            assertThat(w.orgId()).isEqualTo(Fixtures.ORG);
            assertThat(w.occurredAt()).isEqualTo(s.now);
        });
        assertThat(out.get(1).writeBackId()).isEqualTo(Ids.writeBackId("c-1", "salesforce"));
    }

    @Test
    void theSameCommandAgainOrASecondOptOutWritesNothing() {
        assertThat(optOut(OptOutSource.ADMIN, "c-1")).hasSize(2);
        assertThat(optOut(OptOutSource.ADMIN, "c-1")).isEmpty();
        assertThat(optOut(OptOutSource.LINK, "c-2")).isEmpty();
    }

    @Test
    void theCrmsOwnFlagIsNotWrittenBack() {
        assertThat(optOut(OptOutSource.CRM, "c-1")).isEmpty();
    }

    @Test
    void anOptOutHereAfterTheCrmFlagIsWrittenBack() {
        optOut(OptOutSource.CRM, "c-1");
        assertThat(optOut(OptOutSource.REPLY, "c-2")).extracting(CrmWriteBack::crm)
                .containsExactly("pipedrive", "salesforce");
    }

    @Test
    void withoutReadWriteCrmsNothingIsWrittenBack() {
        s.reference = Fixtures.reference().build();
        assertThat(optOut(OptOutSource.ADMIN, "c-1")).isEmpty();
    }

    @Test
    void idsDifferPerCrmAndRepeatPerCommand() {
        assertThat(Ids.writeBackId("c-1", "salesforce")).isEqualTo(Ids.writeBackId("c-1", "salesforce"))
                .isNotEqualTo(Ids.writeBackId("c-1", "hubspot")).isNotEqualTo(Ids.writeBackId("c-2", "salesforce"));
    }
}
