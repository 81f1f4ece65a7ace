package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.PersonExclusionsView;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.validation.Ids;
import org.seqengine.service.validation.Uuid;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.ExclusionExplanation;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.mapping.ReferenceMapper;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;

/**
 * Explain: the exclusion rules a person matches now, from the {@code exclusion-matches} global store
 * (every instance holds it: no routing), and for a {@code sequence_id} whether each applies and
 * would end the person's active enrollment there (the person's state, read on its owning instance).
 */
@Path("/sequences/v1/people/{id}/exclusions")
@Produces(MediaType.APPLICATION_JSON)
public class PersonExclusionsResource {

    @Inject
    Caller caller;

    @Inject
    EnrollmentQueries queries;

    @GET
    public PersonExclusionsView explain(@PathParam("id") String id, @QueryParam("sequence_id") @Uuid String sequenceId) {
        ReferenceData reference = queries.reference(caller.orgId());
        if (!Ids.isUuid(id) || reference.person(id).isEmpty()) {
            throw ApiException.notFound("Person not found.");
        }
        Sequence sequence = null;
        if (sequenceId != null) {
            sequence = reference.sequence(sequenceId).orElseThrow(() -> ApiException.notFound("Sequence not found."));
        }
        ExclusionMatchesRecord record = queries.record(GlobalTable.EXCLUSION_MATCHES, caller.orgId(), id).orElse(null);
        List<ExclusionMatch> matches = ReferenceMapper.toDomain(record);
        PersonState state = sequence == null ? PersonState.empty(caller.orgId(), id) : queries.personState(caller.orgId(), id);
        String activeInSequence = sequence == null ? null : state.active()
                .filter(e -> sequenceId.equals(e.sequenceId())).map(Enrollment::id).orElse(null);
        return PersonExclusionsView.of(id, record == null ? null : record.getEvaluatedAt(), sequenceId, activeInSequence,
                ExclusionExplanation.explain(matches, sequence, state, reference));
    }
}
