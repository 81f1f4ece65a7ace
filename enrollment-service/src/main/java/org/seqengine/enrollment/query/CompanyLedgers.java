package org.seqengine.enrollment.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;

/**
 * Reads a company's ledger (store {@code company-ledger}, key org/domain) wherever it lives: the store
 * belongs to the sub-topology reading {@code enrollment.company-ledger.v1}, so its owner is the instance
 * running that topic partition's task, not the one owning the person or the enrollment.
 */
@ApplicationScoped
public class CompanyLedgers {

    @Inject
    EnrollmentQueries queries;

    @Inject
    ClusterRouter router;

    /** What the ledger counts at a domain: active enrollments and reserved slots (0 and 0 when it holds none). */
    public record Count(int active, int reserved) {
        /** What the limit is compared with. */
        public int total() {
            return active + reserved;
        }
    }

    /** The count at {@code domain} (normalized) in the organization. */
    public Count count(String orgId, String domain) {
        CompanyLedgerStateRecord ledger = ledger(Keys.of(orgId, domain));
        return ledger == null ? new Count(0, 0) : new Count(ledger.getActiveCount(), ledger.getReservedCount());
    }

    CompanyLedgerStateRecord ledger(String key) {
        KeyQueryMetadata owner = router.owner(StoreNames.COMPANY_LEDGER, key);
        if (router.isSelf(owner.activeHost())) {
            return queries.<CompanyLedgerStateRecord>store(StoreNames.COMPANY_LEDGER, owner.partition()).get(key);
        }
        return router.get(owner.activeHost(), "/internal/v1/company-ledgers", Map.of("key", key))
                .map(n -> AvroCodec.decode(CompanyLedgerStateRecord.class, n.path("record").asText(null))).orElse(null);
    }

    /** This instance's ledger of {@code key}, for another instance that routed the read here. */
    CompanyLedgerStateRecord localLedger(String key) {
        return queries.<CompanyLedgerStateRecord>store(StoreNames.COMPANY_LEDGER).get(key);
    }
}
