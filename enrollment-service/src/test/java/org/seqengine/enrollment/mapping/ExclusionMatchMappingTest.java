package org.seqengine.enrollment.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.FinishReason;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExcludedEvent;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/** Exclusion matches keep their since-when and evidence through every wire they travel on. */
class ExclusionMatchMappingTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ExclusionMatch MATCH = new ExclusionMatch("r1", MatchLevel.COMPANY, T0,
            List.of(new ExclusionEvidence("company.industry", "equals", "competitor", "Competitor", "hubspot",
                    "company", "c-9", null)));

    @Test
    void anExcludeCommandRoundTripsThroughItsTopicEncoding() {
        var command = new EnrollmentCommand.Exclude(new CommandMeta("c-1", "org", "p-1", T0, "evaluator", null),
                List.of(MATCH, new ExclusionMatch("r2", MatchLevel.PERSON)));
        var serde = Topics.COMMANDS.valueSerde();
        var decoded = serde.deserializer().deserialize(Topics.COMMANDS.name(),
                serde.serializer().serialize(Topics.COMMANDS.name(), CommandMapper.toAvro(command)));
        assertThat(CommandMapper.toDomain(decoded)).isEqualTo(command);
    }

    @Test
    void anExcludedEnrollmentKeepsExcludedByInItsRecord() {
        Enrollment e = new Enrollment("e-1", "org", "p-1", "s-1", "m-1", T0, T0, null, T0, 0, 0, null, null, null,
                null, FinishReason.EXCLUDED, false, false, "evaluator", List.of(MATCH));
        assertThat(StateMapper.toDomain(StateMapper.toAvro(e))).isEqualTo(e);
    }

    @Test
    void theExcludedEventCarriesTheEvidence() {
        var event = new org.seqengine.enrollment.domain.EnrollmentEvent.Excluded(
                new org.seqengine.enrollment.domain.EventMeta("ev-1", "c-1", "org", "p-1", T0, null), "e-1", List.of(MATCH));
        ExcludedEvent payload = (ExcludedEvent) EventMapper.toAvro(event).getPayload();
        assertThat(ExclusionMatchMapper.toDomain(payload.getMatches())).containsExactly(MATCH);
    }

    @Test
    void theReferenceTopicIsReadLeniently() {
        ExclusionMatchesRecord r = ExclusionMatchesRecord.newBuilder().setOrgId("org").setPersonId("p-1")
                .setMatches(List.of(new ExclusionMatchRecord("r1", "SOMETHING_NEW", null, List.of()))).build();
        assertThat(ReferenceMapper.toDomain(r)).containsExactly(new ExclusionMatch("r1", MatchLevel.PERSON));
        assertThatThrownBy(() -> ExclusionMatchMapper.toDomain(r.getMatches()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
    }
}
