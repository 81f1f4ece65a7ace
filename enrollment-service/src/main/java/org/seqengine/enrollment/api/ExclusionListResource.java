package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.seqengine.service.auth.Caller;
import org.seqengine.enrollment.api.dto.ExclusionListView;
import org.seqengine.enrollment.api.dto.Limits;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;
import org.seqengine.service.validation.Slug;
import org.seqengine.enrollment.bulk.ExclusionListCsv;
import org.seqengine.enrollment.bulk.ExclusionLists;

/**
 * Exclusion lists from CSV ({@code company_name,domain}, up to 100,000 rows): each becomes a
 * COMPANY-level exclusion rule of the same id, "domain in this list", that excludes from every
 * sequence and removes from active ones. A PUT replaces the whole list.
 */
@Path("/sequences/v1/exclusion-lists")
@Produces(MediaType.APPLICATION_JSON)
public class ExclusionListResource {

    static final int DEFAULT_PAGE = 1_000;
    static final int MAX_PAGE = 10_000;

    @Inject
    Caller caller;

    @Inject
    ExclusionLists lists;

    /** Every bad row is listed ({@code path: ["rows", "<line>", "domain"]}, the header is line 1) and nothing is written. */
    @PUT
    @Path("/{id}")
    @Consumes("text/csv")
    public ExclusionListView put(@PathParam("id") @Slug String id, @QueryParam("name") @Size(max = Limits.NAME) String name,
                                 String csv) {
        ExclusionListCsv.Parsed parsed = ExclusionListCsv.parse(csv);
        if (!parsed.valid()) {
            List<FieldError> errors = parsed.problems().stream().map(ExclusionListResource::error).toList();
            throw ApiException.badRequest(errors.get(0).message(), errors);
        }
        lists.put(caller.orgId(), id, name, parsed.entries());
        return get(id, DEFAULT_PAGE, null);
    }

    @GET
    @Path("/{id}")
    public ExclusionListView get(@PathParam("id") String id,
                                 @QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE) @Min(1) @Max(MAX_PAGE) int limit,
                                 @QueryParam("after") String after) {
        return lists.page(caller.orgId(), id, after, limit).map(ExclusionListView::of)
                .orElseThrow(() -> ApiException.notFound("Exclusion list not found."));
    }

    /** Removes every company of the list and its rule. */
    @DELETE
    @Path("/{id}")
    public ExclusionListDeleted delete(@PathParam("id") String id) {
        if (!lists.delete(caller.orgId(), id)) throw ApiException.notFound("Exclusion list not found.");
        return new ExclusionListDeleted(id, true);
    }

    /** The answer to a DELETE: the list and its rule are gone. */
    public record ExclusionListDeleted(String id, boolean deleted) {}

    private static FieldError error(ExclusionListCsv.Problem p) {
        List<Object> path = new ArrayList<>();
        if (p.line() != null) {
            path.add("rows");
            path.add(String.valueOf(p.line()));
            if (p.column() != null) path.add(p.column());
        } else if (p.code().equals("too_many_rows") || p.code().equals("rows_required")) {
            path.add("rows");
        }
        return new FieldError(p.code(), List.copyOf(path), p.message());
    }
}
