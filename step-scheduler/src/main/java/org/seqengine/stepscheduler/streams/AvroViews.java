package org.seqengine.stepscheduler.streams;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.avro.PersonRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.scheduler.domain.StepKind;
import org.seqengine.stepscheduler.domain.EnrollmentSnapshot;
import org.seqengine.stepscheduler.domain.MailboxSettings;
import org.seqengine.stepscheduler.domain.SequenceStep;

/** The Avro records of other services' topics, read into the scheduler's domain types. */
final class AvroViews {

    private AvroViews() {}

    static EnrollmentSnapshot enrollment(EnrollmentRecord r) {
        return new EnrollmentSnapshot(r.getOrgId(), r.getId(), r.getPersonId(), r.getSequenceId(), r.getSequenceVersion(),
                r.getMailboxId(), r.getCreatedAt(), r.getLastStepAt(), r.getNextStepIndex(), r.getDispatchedStepIndex(),
                r.getBlockReason(), r.getPauseReason(), r.getResumeAt(), r.getFinishReason() == null,
                r.getUpdatedAt());
    }

    /** A deleted mailbox (tombstone) is unknown again: default limits, and it cannot send. */
    static MailboxSettings mailbox(MailboxRecord r) {
        if (r == null) return MailboxSettings.unknown();
        return new MailboxSettings(true, r.getIsPaused(), r.getIsUnauthorized(), r.getDailyLimit(),
                r.getMinSecondsBetweenSends(), 0);
    }

    /** The person's fields a step template may use ({@code TemplateFields.PERSON}), nothing else. */
    static Map<String, Object> templateFields(PersonRecord p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "first_name", p.getFirstName());
        putIfSet(fields, "last_name", p.getLastName());
        putIfSet(fields, "email", p.getEmail());
        putIfSet(fields, "company_domain", p.getCompanyDomain());
        putIfSet(fields, "linkedin_url", p.getLinkedinUrl());
        fields.put("attributes", p.getAttributes() == null ? Map.of() : new HashMap<>(p.getAttributes()));
        return fields;
    }

    static List<SequenceStep> steps(List<StepRecord> steps) {
        return steps.stream().map(s -> new SequenceStep("TASK".equals(s.getType()) ? StepKind.TASK : StepKind.EMAIL,
                Math.max(0, s.getWaitDays()), s.getSubject(), s.getBody())).toList();
    }

    private static void putIfSet(Map<String, Object> fields, String name, String value) {
        if (value != null) fields.put(name, value);
    }
}
