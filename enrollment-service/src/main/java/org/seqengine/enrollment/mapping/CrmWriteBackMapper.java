package org.seqengine.enrollment.mapping;

import org.seqengine.enrollment.domain.CrmWriteBack;
import org.seqengine.schemas.avro.CrmWriteBackRecord;

/** Write-backs to the wire ({@code crm.write-back.v1}). */
public final class CrmWriteBackMapper {

    private CrmWriteBackMapper() {}

    public static CrmWriteBackRecord toAvro(CrmWriteBack w) {
        return CrmWriteBackRecord.newBuilder()
                .setWriteBackId(w.writeBackId()).setOrgId(w.orgId()).setPersonId(w.personId()).setCrm(w.crm())
                .setField(w.field()).setValue(w.value()).setSource(w.source().name()).setCommandId(w.commandId())
                .setOccurredAt(w.occurredAt())
                .build();
    }
}
