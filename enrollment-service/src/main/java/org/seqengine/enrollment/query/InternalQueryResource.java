package org.seqengine.enrollment.query;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.schemas.avro.CompanyLedgerStateRecord;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Reads one instance answers for another (never for API clients: the API-key filter only lets a
 * request through here with the cluster's internal token). Each answers from this instance's local
 * stores only; routing happened on the caller's side.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalQueryResource {

    public record RecordAnswer(String record) {}

    public record RecordsAnswer(List<String> records) {}

    public record KeysRequest(List<String> keys) {}

    @Inject
    EnrollmentQueries queries;

    @Inject
    CompanyLedgers ledgers;

    @Inject
    SequenceReports reports;

    /** A sequence's report buckets (key org/sequence) from this instance's partition of the sequence-report store. */
    @GET
    @Path("/sequence-reports")
    public SequenceReports.Buckets sequenceReport(@QueryParam("key") String key, @QueryParam("today") String today) {
        return reports.local(required(key), required(today));
    }

    @GET
    @Path("/person-states")
    public RecordAnswer personState(@QueryParam("key") String key) {
        PersonStateRecord record = queries.<PersonStateRecord>store(StoreNames.PERSON_STATES)
                .get(required(key));
        return new RecordAnswer(AvroCodec.encode(PersonStateRecord.class, record));
    }

    @POST
    @Path("/person-states")
    public RecordsAnswer personStates(KeysRequest body) {
        if (body == null || body.keys() == null) throw ApiException.badRequest(
                FieldError.of("required", "keys is required.", "keys"));
        var store = queries.<PersonStateRecord>store(StoreNames.PERSON_STATES);
        List<String> records = new ArrayList<>();
        for (String key : body.keys()) {
            PersonStateRecord record = key == null ? null : store.get(key);
            if (record != null) records.add(AvroCodec.encode(PersonStateRecord.class, record));
        }
        return new RecordsAnswer(records);
    }

    /** A company's ledger (key org/domain) from this instance's partition of the company-ledger store. */
    @GET
    @Path("/company-ledgers")
    public RecordAnswer companyLedger(@QueryParam("key") String key) {
        return new RecordAnswer(AvroCodec.encode(CompanyLedgerStateRecord.class, ledgers.localLedger(required(key))));
    }

    @GET
    @Path("/enrollments")
    public RecordAnswer enrollment(@QueryParam("key") String key, @QueryParam("source") String source) {
        EnrollmentRecord record = "decider".equals(source) ? queries.localDecidedEnrollment(required(key))
                : queries.localIndexedEnrollment(required(key));
        return new RecordAnswer(AvroCodec.encode(EnrollmentRecord.class, record));
    }

    /** A global store's record, in its topic's encoding (a writer compares bytes to see its write arrived). */
    @GET
    @Path("/global-records")
    public RecordAnswer globalRecord(@QueryParam("store") String store, @QueryParam("key") String key) {
        GlobalTable<?> table = GlobalTable.ALL.stream().filter(t -> t.storeName().equals(store)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No such global store."));
        return new RecordAnswer(encoded(table, required(key)));
    }

    private <V> String encoded(GlobalTable<V> table, String key) {
        V value = queries.store(table).get(key);
        return value == null ? null : java.util.Base64.getEncoder().encodeToString(
                table.topic().valueSerde().serializer().serialize(table.topic().name(), value));
    }

    @POST
    @Path("/enrollments")
    public RecordsAnswer enrollments(KeysRequest body) {
        if (body == null || body.keys() == null) throw ApiException.badRequest(FieldError.of("required", "keys is required.", "keys"));
        List<String> records = new ArrayList<>();
        for (String key : body.keys()) {
            EnrollmentRecord record = key == null ? null : queries.localIndexedEnrollment(key);
            if (record != null) records.add(AvroCodec.encode(EnrollmentRecord.class, record));
        }
        return new RecordsAnswer(records);
    }

    @GET
    @Path("/enrollment-pages")
    public RecordsAnswer page(@QueryParam("prefix") String prefix, @QueryParam("after") String after,
                              @QueryParam("limit") int limit) {
        if (required(prefix).indexOf('/') < 0 || limit < 1 || limit > 10_000) {
            throw ApiException.badRequest(FieldError.of("invalid", "bad page request.", "prefix"));
        }
        return new RecordsAnswer(queries.localPage(prefix, after, limit).stream()
                .map(r -> AvroCodec.encode(EnrollmentRecord.class, r)).toList());
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(FieldError.of("required", "key is required.", "key"));
        }
        return value;
    }

}
