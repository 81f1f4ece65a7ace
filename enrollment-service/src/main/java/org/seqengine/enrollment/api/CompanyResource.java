package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seqengine.enrollment.api.dto.CompanyEnrollmentPage;
import org.seqengine.enrollment.api.dto.EnrollmentPage;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.query.CompanyLedgers;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.streams.EnrollmentIndexKeys;
import org.seqengine.filter.Domains;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * An account's view: the company's enrollments (from the enrollment index, O(page) like {@code GET
 * /enrollments}, with the same {@code status}, {@code cursor} and {@code limit}) and its count in the
 * company ledger.
 */
@Path("/sequences/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    @Inject
    Caller caller;

    @Inject
    EnrollmentQueries queries;

    @Inject
    CompanyLedgers ledgers;

    /** {@code domain} is normalized as everywhere else, so {@code www.Example.com} lists example.com. */
    @GET
    @Path("/{domain}/enrollments")
    public CompanyEnrollmentPage enrollments(@PathParam("domain") String domain, @QueryParam("status") String status,
                                             @QueryParam("cursor") String cursor, @QueryParam("limit") String limitParam) {
        String company = Domains.normalize(domain);
        if (company == null) {
            throw ApiException.badRequest(FieldError.of("invalid_domain", "Not a company domain.", "company_domain"));
        }
        String statusName = StatusParam.indexName(status);
        int limit = Paging.limit(limitParam);
        String orgId = caller.orgId();
        List<Enrollment> read = queries.page(statusName == null ? EnrollmentIndexKeys.byCompany(orgId, company)
                : EnrollmentIndexKeys.byCompanyAndStatus(orgId, company, statusName), cursor, limit);
        EnrollmentPage page = EnrollmentPages.of(queries, orgId, read, limit);
        CompanyLedgers.Count count = ledgers.count(orgId, company);
        return new CompanyEnrollmentPage(page.data(), page.nextCursor(),
                new CompanyEnrollmentPage.Company(company, count.active(), count.reserved()));
    }
}
