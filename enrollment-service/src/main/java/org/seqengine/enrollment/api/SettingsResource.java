package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.SettingsBody;
import org.seqengine.enrollment.api.dto.SettingsView;
import org.seqengine.enrollment.mapping.ReferenceMapper;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.OrgSettingsRecord;

/**
 * The caller's organization's settings: one compacted record per org on {@code settings.v1}, which
 * the decider reads from its global store. A PUT answers once every instance shows it.
 */
@Path("/sequences/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    Caller caller;

    @Inject
    EnrollmentQueries queries;

    @Inject
    ReferenceDataWriter writer;

    /** The settings in force: the defaults when the organization saved none. */
    @GET
    public SettingsView get() {
        return view(queries.store(GlobalTable.SETTINGS).get(GlobalTable.keyOf(caller.orgId())));
    }

    @PUT
    public SettingsView put(@NotNull @Valid SettingsBody body) {
        OrgSettingsRecord record = OrgSettingsRecord.newBuilder()
                .setOrgId(caller.orgId())
                .setMailboxOwnershipPolicy(body.mailboxOwnershipPolicy() == null ? "REASSIGN_QUEUED"
                        : body.mailboxOwnershipPolicy())
                .setCrmWriteBack(body.crmWriteBack() == null ? new HashMap<>() : new HashMap<>(body.crmWriteBack()))
                .setAutoOptOutOnRemovalRequest(!Boolean.FALSE.equals(body.autoOptOutOnRemovalRequest()))
                .setStopCompanyOnReply(body.stopCompanyOnReply() == null ? "OFF" : body.stopCompanyOnReply())
                .setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setUpdatedBy(caller.actor())
                .build();
        return view(writer.upsertForOrganization(GlobalTable.SETTINGS, caller.orgId(), record));
    }

    private static SettingsView view(OrgSettingsRecord record) {
        return SettingsView.of(ReferenceMapper.toDomain(record), record == null ? null : record.getUpdatedAt(),
                record == null ? null : record.getUpdatedBy());
    }
}
