package org.seqengine.enrollment.domain;

import java.time.Instant;

/**
 * What every command carries. {@code commandId} makes the command idempotent: a repeated id yields
 * no new events. {@code personId} is part of the partition key, so one person's commands are
 * decided in order by one task. {@code actor} says who issued it: for the REST edge the API key's
 * organization, then {@code :} and the {@code X-Actor} header when given; a service name otherwise.
 */
public record CommandMeta(String commandId, String orgId, String personId, Instant issuedAt,
                          String actor, String reason) {}
