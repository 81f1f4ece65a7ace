package org.seqengine.enrollment.mapping;

import java.nio.ByteBuffer;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.ReplyClassification;
import org.seqengine.enrollment.domain.company.CompanyLedger;
import org.seqengine.enrollment.domain.company.LedgerEntry;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompanyLedgerRecord;
import org.seqengine.schemas.avro.CompanyMemberRecord;

/** The company ledger's entries and members between Avro and the domain. */
public final class CompanyLedgerMapper {

    private CompanyLedgerMapper() {}

    public static CompanyLedgerRecord toAvro(LedgerEntry entry) {
        CompanyLedgerRecord.Builder b = CompanyLedgerRecord.newBuilder()
                .setOrgId(entry.orgId()).setCompanyDomain(entry.companyDomain())
                .setEnrollmentId(entry.enrollmentId()).setPersonId(entry.personId()).setRecordedAt(entry.at());
        if (entry instanceof LedgerEntry.Reserve r) {
            b.setKind("RESERVE").setLimit(r.limit()).setCommand(ByteBuffer.wrap(encode(r.command())));
        } else if (entry instanceof LedgerEntry.Activated a) {
            b.setKind("ACTIVATED").setSequenceId(a.sequenceId());
        } else if (entry instanceof LedgerEntry.Release) {
            b.setKind("RELEASE");
        } else if (entry instanceof LedgerEntry.Finished) {
            b.setKind("FINISHED");
        } else if (entry instanceof LedgerEntry.Replied r) {
            b.setKind("REPLIED").setClassification(r.classification().name());
        }
        return b.build();
    }

    /** @throws IllegalArgumentException for a record no decider writes (it goes to the DLQ) */
    public static LedgerEntry toDomain(CompanyLedgerRecord r) {
        String org = r.getOrgId();
        String domain = r.getCompanyDomain();
        return switch (r.getKind()) {
            case "RESERVE" -> {
                if (r.getLimit() == null || r.getCommand() == null) {
                    throw new IllegalArgumentException("RESERVE needs limit and command");
                }
                yield new LedgerEntry.Reserve(org, domain, r.getEnrollmentId(), r.getPersonId(), r.getLimit(),
                        decode(r.getCommand()), r.getRecordedAt());
            }
            case "ACTIVATED" -> new LedgerEntry.Activated(org, domain, r.getEnrollmentId(), r.getPersonId(),
                    r.getSequenceId(), r.getRecordedAt());
            case "RELEASE" -> new LedgerEntry.Release(org, domain, r.getEnrollmentId(), r.getPersonId(), r.getRecordedAt());
            case "FINISHED" -> new LedgerEntry.Finished(org, domain, r.getEnrollmentId(), r.getPersonId(), r.getRecordedAt());
            case "REPLIED" -> new LedgerEntry.Replied(org, domain, r.getEnrollmentId(), r.getPersonId(),
                    Enums.parse(ReplyClassification.class, r.getClassification(), "classification"), r.getRecordedAt());
            default -> throw new IllegalArgumentException("unknown company ledger kind " + r.getKind());
        };
    }

    public static CompanyLedger.Member toDomain(CompanyMemberRecord r) {
        return new CompanyLedger.Member(r.getEnrollmentId(), r.getPersonId(), r.getSequenceId(), r.getSince());
    }

    public static CompanyMemberRecord toAvro(String orgId, String companyDomain, CompanyLedger.Member m) {
        return new CompanyMemberRecord(orgId, companyDomain, m.enrollmentId(), m.personId(), m.sequenceId(), m.since());
    }

    private static byte[] encode(EnrollmentCommand command) {
        return Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), CommandMapper.toAvro(command));
    }

    private static EnrollmentCommand decode(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        CommandEnvelope env = Topics.COMMANDS.valueSerde().deserializer().deserialize(Topics.COMMANDS.name(), copy);
        return CommandMapper.toDomain(env);
    }
}
