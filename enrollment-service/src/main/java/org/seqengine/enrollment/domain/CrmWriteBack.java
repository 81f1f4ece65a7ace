package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seqengine.enrollment.domain.EnrollmentEvent.OptedOut;
import org.seqengine.enrollment.domain.reference.OrgSettings;

/**
 * An opt-out made in this system, for one CRM whose mapping is READ_WRITE to apply (set the person's
 * {@value #FIELD} to {@value #VALUE}), so the CRM stops other tools too. Derived from the OptedOut
 * events of one decision and the settings the decision saw, by {@link #forEvents}: the decider
 * stays as it is (an opt-out is an event whatever the CRM mappings say), and the write-backs are
 * published in the same transaction as the event.
 *
 * @param writeBackId derived from the command id and the CRM: a replayed command yields the same id,
 *                    which connectors dedupe on
 */
public record CrmWriteBack(String writeBackId, String orgId, String personId, String crm, String field, String value,
                           OptOutSource source, String commandId, Instant occurredAt) {

    public static final String FIELD = "email_opt_out";
    public static final String VALUE = "true";

    /**
     * One write-back per READ_WRITE CRM for each OptedOut event whose source is this system (link,
     * admin, reply, API); none for the CRM's own flag. The decider emits OptedOut only when the
     * person was not opted out here yet, so a repeated opt-out writes back nothing. The settings are
     * read only when there is such an event (most decisions have none).
     */
    public static List<CrmWriteBack> forEvents(List<EnrollmentEvent> events, ReferenceData reference) {
        List<CrmWriteBack> out = new ArrayList<>();
        OrgSettings settings = null;
        for (EnrollmentEvent event : events) {
            if (!(event instanceof OptedOut o) || o.source() == OptOutSource.CRM) {
                continue;
            }
            settings = settings != null ? settings : reference.settings();
            EventMeta m = o.meta();
            for (String crm : settings.readWriteCrms()) {
                out.add(new CrmWriteBack(Ids.writeBackId(m.commandId(), crm), m.orgId(), m.personId(), crm, FIELD, VALUE,
                        o.source(), m.commandId(), m.occurredAt()));
            }
        }
        return out;
    }
}
