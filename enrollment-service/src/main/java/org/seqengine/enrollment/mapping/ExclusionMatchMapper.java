package org.seqengine.enrollment.mapping;

import java.util.List;
import org.seqengine.enrollment.domain.reference.ExclusionEvidence;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;

/**
 * Exclusion matches (rule, level, since when, evidence) between Avro and the domain: in commands,
 * events and enrollment state strictly (a missing rule id or an unknown level is invalid input),
 * from the {@code exclusion-matches.v1} reference topic leniently (an unknown level reads as PERSON).
 */
public final class ExclusionMatchMapper {

    private ExclusionMatchMapper() {}

    /** Strict: commands, events, enrollment state. */
    public static List<ExclusionMatch> toDomain(List<ExclusionMatchRecord> records) {
        return records.stream().map(r -> {
            if (r.getRuleId() == null || r.getRuleId().isBlank()) throw new IllegalArgumentException("rule_id is required");
            return toDomain(r, Enums.parse(MatchLevel.class, r.getLevel(), "level"));
        }).toList();
    }

    /** Lenient: the reference topic, which upstream may write directly. */
    public static List<ExclusionMatch> toDomainLenient(List<ExclusionMatchRecord> records) {
        return records.stream()
                .map(r -> toDomain(r, "COMPANY".equals(r.getLevel()) ? MatchLevel.COMPANY : MatchLevel.PERSON))
                .toList();
    }

    public static List<ExclusionMatchRecord> toAvro(List<ExclusionMatch> matches) {
        return matches.stream().map(m -> new ExclusionMatchRecord(m.ruleId(), m.level().name(), m.matchedSince(),
                m.evidence().stream().map(ExclusionMatchMapper::toAvro).toList())).toList();
    }

    private static ExclusionMatch toDomain(ExclusionMatchRecord r, MatchLevel level) {
        return new ExclusionMatch(r.getRuleId(), level, r.getMatchedSince(),
                r.getEvidence().stream().map(ExclusionMatchMapper::toDomain).toList());
    }

    private static ExclusionEvidence toDomain(ExclusionEvidenceRecord r) {
        return new ExclusionEvidence(r.getField(), r.getOp(), r.getExpected(), r.getActual(), r.getCrm(),
                r.getObjectType(), r.getObjectId(), r.getPersonId());
    }

    private static ExclusionEvidenceRecord toAvro(ExclusionEvidence e) {
        return new ExclusionEvidenceRecord(nonNull(e.field()), nonNull(e.op()), e.expected(), e.actual(), e.crm(),
                e.objectType(), e.objectId(), e.personId());
    }

    /** field and op are required on the wire; a domain value without them is written empty, not dropped. */
    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
