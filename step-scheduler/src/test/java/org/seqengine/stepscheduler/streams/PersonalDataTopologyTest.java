package org.seqengine.stepscheduler.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.email;
import static org.seqengine.stepscheduler.streams.SchedulerFixture.key;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.service.kafka.JsonSerde;

/**
 * Personal values in the scheduler: the person copy (people.v1) and a blocked enrollment's template fields live only in
 * in-memory stores, and a people.v1 tombstone (erase) removes them and unschedules the person's enrollments.
 */
class PersonalDataTopologyTest {

    @TempDir
    Path stateDir;

    private SchedulerFixture f;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    @Test
    void aPeopleTombstoneRemovesThePersonsEntryAndUnschedulesTheirEnrollments() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(1, "Hi {{first_name}}", "Body"));
        f.mailbox("mbx");
        f.person("p1", "Zelda");
        f.enroll("e1", "p1", "seq", "mbx");
        f.latestStatuses();
        assertThat(f.<PersonEntry>store(StoreNames.PEOPLE).get(key("p1")).person).containsEntry("first_name", "Zelda");

        f.people.pipeInput(key("p1"), null); // erased
        assertThat(f.<PersonEntry>store(StoreNames.PEOPLE).get(key("p1"))).isNull();
        assertThat(f.latestStatuses()).containsEntry(key("e1"), null);
        assertThat(f.<ScheduleEntry>store(StoreNames.ENTRIES).get(key("e1"))).isNull();
        f.advance(Duration.ofDays(2));
        assertThat(f.dispatched()).isEmpty();
    }

    @Test
    void aBlockedEnrollmentsTemplateFieldsAreKeptApartFromItsEntryAndGoWithTheErase() {
        f = new SchedulerFixture(stateDir);
        f.sequence("seq", email(0, "Hi {{first_name}} {{last_name}}", "Body"));
        f.mailbox("mbx");
        f.person("p1", "Zelda");
        f.enroll("e1", "p1", "seq", "mbx");
        f.update("e1", b -> b.setBlockReason("MISSING_VARIABLES").setBlockedVariables(List.of("last_name")));
        assertThat(f.dispatched()).containsExactly("dispatch:e1:0:1");

        assertThat(f.<TemplatePerson>store(StoreNames.TEMPLATE_PEOPLE).get(key("e1")).fields())
                .containsEntry("first_name", "Zelda");
        ScheduleEntry entry = f.<ScheduleEntry>store(StoreNames.ENTRIES).get(key("e1"));
        assertThat(new String(JsonSerde.of(ScheduleEntry.class).serializer().serialize("t", entry),
                StandardCharsets.UTF_8)).doesNotContain("Zelda").doesNotContain("p1@mail.test");

        f.people.pipeInput(key("p1"), null);
        assertThat(f.<TemplatePerson>store(StoreNames.TEMPLATE_PEOPLE).get(key("e1"))).isNull();
        assertThat(f.<PersonEntry>store(StoreNames.PEOPLE).get(key("p1"))).isNull();
    }

    @Test
    void theStoresOfPersonalValuesAreInMemoryEvenWhenTheOthersAreRocksDb() {
        f = new SchedulerFixture(stateDir);
        assertThat(f.store(StoreNames.ENTRIES).persistent()).isTrue();
        assertThat(f.store(StoreNames.PEOPLE).persistent()).isFalse();
        assertThat(f.store(StoreNames.TEMPLATE_PEOPLE).persistent()).isFalse();
    }
}
