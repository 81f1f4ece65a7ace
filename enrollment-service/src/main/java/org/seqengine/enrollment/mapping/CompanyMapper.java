package org.seqengine.enrollment.mapping;

import org.seqengine.enrollment.domain.ColleagueReply;
import org.seqengine.enrollment.domain.CompanySlot;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.schemas.avro.ColleagueReplyRecord;
import org.seqengine.schemas.avro.CompanySlotRecord;

/** The company ledger's shared records (a slot answer, a colleague's reply) between Avro and the domain. */
public final class CompanyMapper {

    private CompanyMapper() {}

    public static CompanySlot toDomain(CompanySlotRecord r) {
        return r == null ? null : new CompanySlot(r.getCompanyDomain(), r.getEnrollmentId(), r.getGranted(),
                r.getLimit(), r.getActiveCount());
    }

    public static CompanySlotRecord toAvro(CompanySlot s) {
        return s == null ? null : new CompanySlotRecord(s.companyDomain(), s.enrollmentId(), s.granted(), s.limit(),
                s.activeCount());
    }

    public static ColleagueReply toDomain(ColleagueReplyRecord r) {
        return r == null ? null : new ColleagueReply(r.getPersonId(), r.getEnrollmentId(),
                Enums.parse(ReplyClassification.class, r.getClassification(), "classification"), r.getCompanyDomain());
    }

    public static ColleagueReplyRecord toAvro(ColleagueReply c) {
        return c == null ? null : new ColleagueReplyRecord(c.personId(), c.enrollmentId(), c.classification().name(),
                c.companyDomain());
    }
}
