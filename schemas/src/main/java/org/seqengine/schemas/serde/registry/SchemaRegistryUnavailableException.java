package org.seqengine.schemas.serde.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry did not answer (unreachable, timed out, a server error) while a record's writer schema
 * was needed. The record is not bad: it must be read again once the registry is back, never dead-lettered
 * (a {@link org.apache.kafka.common.errors.SerializationException} is for records that can never be read).
 */
public class SchemaRegistryUnavailableException extends RetriableException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure}, or one of its causes, is this exception. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
