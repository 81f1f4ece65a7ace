package org.seqengine.enrollment.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.enrollment.domain.company.CompanyLedger;
import org.seqengine.enrollment.domain.company.CompanyLedger.Change;
import org.seqengine.enrollment.domain.company.CompanyLedger.Kind;
import org.seqengine.enrollment.mapping.CompanyLedgerMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;
import org.seqengine.schemas.avro.CompanyMemberRecord;

/**
 * One domain's ledger over the two stores: the count ({@link StoreNames#COMPANY_LEDGER}, one entry per
 * domain) and the members ({@link StoreNames#COMPANY_LEDGER_MEMBERS}, one entry per member, keyed
 * {@code org/domain/<active|reserved>/<enrollment>} so a domain's active members are one prefix scan).
 */
final class CompanyLedgerStores implements CompanyLedger.View {

    private final KeyValueStore<String, CompanyLedgerStateRecord> counts;
    private final KeyValueStore<String, CompanyMemberRecord> members;
    private final String orgId;
    private final String domain;
    private final String key;
    private CompanyLedgerStateRecord count;

    CompanyLedgerStores(KeyValueStore<String, CompanyLedgerStateRecord> counts,
                        KeyValueStore<String, CompanyMemberRecord> members, String orgId, String domain) {
        this.counts = counts;
        this.members = members;
        this.orgId = orgId;
        this.domain = domain;
        this.key = Keys.of(orgId, domain);
        CompanyLedgerStateRecord stored = counts.get(key);
        this.count = stored != null ? stored : new CompanyLedgerStateRecord(orgId, domain, 0, 0);
    }

    static String memberPrefix(String domainKey, Kind kind) {
        return domainKey + "/" + (kind == Kind.ACTIVE ? "active" : "reserved") + "/";
    }

    @Override
    public int count(Kind kind) {
        return kind == Kind.ACTIVE ? count.getActiveCount() : count.getReservedCount();
    }

    @Override
    public boolean contains(Kind kind, String enrollmentId) {
        return members.get(memberPrefix(key, kind) + enrollmentId) != null;
    }

    @Override
    public List<CompanyLedger.Member> active() {
        List<CompanyLedger.Member> out = new ArrayList<>();
        try (KeyValueIterator<String, CompanyMemberRecord> it =
                     members.prefixScan(memberPrefix(key, Kind.ACTIVE), new StringSerializer())) {
            it.forEachRemaining(kv -> out.add(CompanyLedgerMapper.toDomain(kv.value)));
        }
        return out;
    }

    /** Writes the changes and the count that follows from them; the count entry goes when it reaches zero. */
    void apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int active = count.getActiveCount();
        int reserved = count.getReservedCount();
        for (Change change : changes) {
            if (change instanceof Change.Added a) {
                members.put(memberPrefix(key, a.kind()) + a.member().enrollmentId(),
                        CompanyLedgerMapper.toAvro(orgId, domain, a.member()));
                if (a.kind() == Kind.ACTIVE) active++; else reserved++;
            } else if (change instanceof Change.Removed r) {
                members.delete(memberPrefix(key, r.kind()) + r.enrollmentId());
                if (r.kind() == Kind.ACTIVE) active--; else reserved--;
            }
        }
        count = new CompanyLedgerStateRecord(orgId, domain, active, reserved);
        if (active == 0 && reserved == 0) {
            counts.delete(key);
        } else {
            counts.put(key, count);
        }
    }
}
