package org.seqengine.schemas.serde.registry;

import java.nio.ByteBuffer;

/**
 * The two encodings a topic value can have, told apart by their first bytes: the Confluent wire
 * format (magic byte {@code 0x00}, 4-byte big-endian schema id, Avro binary body) and Avro's
 * single-object encoding ({@code C3 01}, 8-byte fingerprint, body).
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus the 4-byte schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Whether the bytes start like the Confluent wire format (and are long enough to hold its header). */
    public static boolean isRegistryEncoded(byte[] data) {
        return data.length >= HEADER_LENGTH && data[0] == MAGIC_BYTE;
    }

    /** Whether the bytes start with Avro's single-object marker {@code C3 01}. */
    public static boolean isSingleObjectEncoded(byte[] data) {
        return data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == (byte) 0x01;
    }

    /** The schema id of Confluent-wire-format bytes. */
    public static int schemaId(byte[] data) {
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
