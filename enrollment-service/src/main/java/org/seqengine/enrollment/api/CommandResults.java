package org.seqengine.enrollment.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.domain.Rejection;
import org.seqengine.enrollment.domain.RejectionCode;
import org.seqengine.enrollment.kafka.CommandGateway;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Issues commands for the REST edge and turns their outcome into HTTP: a rejection is a 400 with
 * {@code errors[].code} (COMPANY_LIMIT_REACHED also with company_domain, limit, active_count), except not-found (404) and an active enrollment (409); a command the
 * decider could not process is a 500 with the dead letter's reference; no outcome within the
 * timeout is a 503.
 */
@ApplicationScoped
public class CommandResults {

    private static final Logger LOG = Logger.getLogger(CommandResults.class);

    /** Beyond the gateway's own timeout, so its answer (503) normally comes first; a bound in any case. */
    private static final long WAIT_MARGIN_MS = 2000;

    @Inject
    CommandGateway gateway;

    @Inject
    EnrollmentConfig config;

    /**
     * A command id: derived from the Idempotency-Key when one is given, so a retry is the same
     * command. The person and the operation are part of it: a key reused for another person or
     * another operation is another command (and, for Enroll, another enrollment id), never a
     * collision with the first.
     */
    public static String commandId(String orgId, String personId, String operation, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.length() > 255) {
            throw ApiException.badRequest(FieldError.of("invalid_idempotency_key",
                    "Idempotency-Key must be at most 255 characters.", "Idempotency-Key"));
        }
        String name = String.join("/", "idempotency", orgId, personId, operation, idempotencyKey);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The meta of a command issued by this request's caller, recording who issued it (see {@link Caller#actor()}). */
    public static CommandMeta meta(Caller caller, String personId, String operation, String idempotencyKey, String reason) {
        String orgId = caller.orgId();
        return new CommandMeta(commandId(orgId, personId, operation, idempotencyKey), orgId, personId, Instant.now(),
                caller.actor(), reason);
    }

    public static CommandMeta meta(String orgId, String personId, String operation, String idempotencyKey, String reason) {
        return new CommandMeta(commandId(orgId, personId, operation, idempotencyKey), orgId, personId, Instant.now(),
                orgId, reason);
    }

    /** Sends the command and waits for its outcome; throws the HTTP error if it was rejected. */
    public CommandReplyRecord execute(EnrollmentCommand command) {
        CommandReplyRecord reply = await(command);
        throwIfRejected(reply);
        return reply;
    }

    /** Sends the command and waits (bounded) for its outcome; a command that failed to process is a 500. */
    public CommandReplyRecord await(EnrollmentCommand command) {
        CommandReplyRecord reply = awaitReply(command);
        if (reply.getErrorReference() != null) {
            LOG.warnf("command %s could not be processed: reference %s", command.meta().commandId(), reply.getErrorReference());
            throw ApiException.processingFailed(reply.getErrorReference());
        }
        return reply;
    }

    private CommandReplyRecord awaitReply(EnrollmentCommand command) {
        try {
            return gateway.send(command).get(config.commandTimeout().toMillis() + WAIT_MARGIN_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("command %s got no outcome in time", command.meta().commandId());
            throw ApiException.unavailable("The command was accepted but its outcome did not arrive in time; "
                    + "retry with the same Idempotency-Key to get it.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                LOG.warnf("command %s got no outcome in time", command.meta().commandId());
                throw ApiException.unavailable("The command was accepted but its outcome did not arrive in time; "
                        + "retry with the same Idempotency-Key to get it.");
            }
            LOG.errorf(e.getCause(), "command %s could not be sent", command.meta().commandId());
            // It may or may not have been written: a retry with the same key is safe either way (idempotent).
            throw ApiException.unavailable("Could not send the command to Kafka; retry shortly with the same Idempotency-Key.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }

    public static void throwIfRejected(CommandReplyRecord reply) {
        List<Rejection> rejections = StateMapper.rejectionsToDomain(reply.getRejections());
        if (rejections.isEmpty()) return;
        Rejection first = rejections.get(0);
        if (first.code() == RejectionCode.SEQUENCE_NOT_FOUND || first.code() == RejectionCode.PERSON_NOT_FOUND
                || first.code() == RejectionCode.ENROLLMENT_NOT_FOUND) {
            throw ApiException.notFound(first.message());
        }
        if (first.code() == RejectionCode.ALREADY_ENROLLED_ACTIVE) {
            throw ApiException.conflict(first.message(), reply.getActiveSequenceId(), reply.getActiveEnrollmentId());
        }
        List<FieldError> errors = new ArrayList<>();
        for (Rejection r : rejections) {
            errors.add(error(r));
        }
        throw ApiException.badRequest(first.message(), errors);
    }

    /** A rejection as an {@code errors[]} item: an exclusion names its rule and level, a company limit its domain and counts. */
    static FieldError error(Rejection r) {
        return new FieldError(r.code().name(), List.of(), r.message(), r.ruleId(), r.level() == null ? null : r.level().name(),
                r.companyDomain(), r.limit(), r.activeCount());
    }
}
