package org.seqengine.enrollment.streams;

import java.util.LinkedHashSet;
import java.util.Set;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.filter.Domains;

/**
 * Keys of the {@code enrollment-index} store. Every index key ends in the enrollment id, so a range
 * scan of one prefix returns enrollments in id order and a page resumes after its cursor (the last id
 * returned): entries added later never shift a page already served.
 * <ul>
 *   <li>{@code org/all/<enrollment>}: every enrollment of the organization;</li>
 *   <li>{@code org/seq/<sequence>/<enrollment>}: by sequence;</li>
 *   <li>{@code org/st/<STATUS>/<enrollment>}: by API status and by display status;</li>
 *   <li>{@code org/seqst/<sequence>/<STATUS>/<enrollment>}: by sequence and status (bulk jobs by sequence);</li>
 *   <li>{@code org/dom/<domain>/<enrollment>}: active enrollments by the person's company domain (bulk jobs);</li>
 *   <li>{@code org/co/<domain>/<enrollment>} and {@code org/cost/<domain>/<STATUS>/<enrollment>}: a company's
 *       enrollments, all and by status ({@code GET /companies/{domain}/enrollments}); the domain is the
 *       enrollment's own (where it counts against a company limit), else the person's current one;</li>
 *   <li>{@code org/exby/<rule>/<enrollment>}: enrollments finished as Excluded, by each rule that ended them
 *       (restore jobs: a scan reads only that rule's exclusions);</li>
 *   <li>{@code org/keys/<enrollment>}: the index keys written for an enrollment, so an update removes them.</li>
 * </ul>
 */
public final class EnrollmentIndexKeys {

    private EnrollmentIndexKeys() {}

    public static String all(String orgId) {
        return orgId + "/all/";
    }

    public static String bySequence(String orgId, String sequenceId) {
        return orgId + "/seq/" + sequenceId + "/";
    }

    public static String byStatus(String orgId, String status) {
        return orgId + "/st/" + status + "/";
    }

    public static String bySequenceAndStatus(String orgId, String sequenceId, String status) {
        return orgId + "/seqst/" + sequenceId + "/" + status + "/";
    }

    public static String activeByDomain(String orgId, String domain) {
        return orgId + "/dom/" + domain + "/";
    }

    public static String byCompany(String orgId, String domain) {
        return orgId + "/co/" + domain + "/";
    }

    public static String byCompanyAndStatus(String orgId, String domain, String status) {
        return orgId + "/cost/" + domain + "/" + status + "/";
    }

    public static String excludedByRule(String orgId, String ruleId) {
        return orgId + "/exby/" + ruleId + "/";
    }

    static String bookkeeping(String orgId, String enrollmentId) {
        return orgId + "/keys/" + enrollmentId;
    }

    /**
     * The company an enrollment is listed under: the domain it was enrolled at, else (enrolled before
     * company limits existed, or the person had none then) the person's current domain, normalized
     * here since upstream may publish people directly.
     */
    static String companyOf(Enrollment e, String personDomain) {
        return e.companyDomain() != null ? e.companyDomain() : Domains.normalize(personDomain);
    }

    /** The enrollment id at the end of an index key. */
    public static String enrollmentId(String indexKey) {
        return indexKey.substring(indexKey.lastIndexOf('/') + 1);
    }

    /**
     * Every index key of the enrollment; {@code companyDomain}, the person's current domain, may be null.
     */
    static Set<String> of(Enrollment e, String companyDomain) {
        String org = e.orgId();
        String id = e.id();
        Set<String> statuses = new LinkedHashSet<>();
        statuses.add(e.status().name());
        statuses.add(e.displayStatus().name());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(all(org) + id);
        keys.add(bySequence(org, e.sequenceId()) + id);
        for (String status : statuses) {
            keys.add(byStatus(org, status) + id);
            keys.add(bySequenceAndStatus(org, e.sequenceId(), status) + id);
        }
        if (e.isActive() && companyDomain != null && !companyDomain.isBlank()) {
            keys.add(activeByDomain(org, companyDomain) + id);
        }
        String company = companyOf(e, companyDomain);
        if (company != null) {
            keys.add(byCompany(org, company) + id);
            for (String status : statuses) {
                keys.add(byCompanyAndStatus(org, company, status) + id);
            }
        }
        if (e.isExcluded()) {
            e.excludedBy().forEach(match -> keys.add(excludedByRule(org, match.ruleId()) + id));
        }
        return keys;
    }
}
