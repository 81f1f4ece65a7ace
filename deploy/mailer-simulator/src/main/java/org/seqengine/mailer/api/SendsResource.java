package org.seqengine.mailer.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.mailer.domain.SendLedger.RequestCount;

/** How often each send request was sent: the proof that no step was emailed twice. Header {@code x-api-key}. */
@Path("/mailer/sends")
@Produces(MediaType.APPLICATION_JSON)
public class SendsResource {

    /** At most this many requests are listed under {@code sent_more_than_once} (the count is exact). */
    static final int LIST_LIMIT = 1000;

    /**
     * @param totalSends emails sent
     * @param distinctRequests requests sent at least once
     * @param duplicatesReceived requests received again after they were sent (since start-up; nothing was sent)
     * @param sentMoreThanOnceCount requests sent more than once (0 unless something is wrong)
     * @param sentMoreThanOnce those requests (at most 1000)
     */
    public record SendsSummary(long totalSends, long distinctRequests, long duplicatesReceived,
                               int sentMoreThanOnceCount, List<RequestCount> sentMoreThanOnce) {
    }

    @Inject
    SendLedger ledger;

    @GET
    public SendsSummary summary() {
        return new SendsSummary(ledger.totalSends(), ledger.distinctRequests(), ledger.duplicatesReceived(),
                ledger.sentMoreThanOnceCount(), ledger.sentMoreThanOnce(LIST_LIMIT));
    }

    /** The counts of one request; zeros for a request never received. */
    @GET
    @Path("/{request_id}")
    public RequestCount request(@PathParam("request_id") String requestId) {
        return ledger.countOf(requestId);
    }
}
