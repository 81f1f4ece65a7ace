package org.seqengine.enrollment.mapping;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.seqengine.enrollment.domain.Sealed;
import org.seqengine.schemas.avro.SealedValueRecord;

/** Sealed personal values between the wire ({@link SealedValueRecord}, bytes) and the rules ({@link Sealed}, base64). */
public final class SealedMapper {

    private SealedMapper() {}

    public static Sealed toDomain(SealedValueRecord r) {
        return r == null ? null : new Sealed(r.getKeyId(), base64(r.getNonce()), base64(r.getCiphertext()));
    }

    public static SealedValueRecord toAvro(Sealed s) {
        return s == null ? null : new SealedValueRecord(s.keyId(), ByteBuffer.wrap(Base64.getDecoder().decode(s.nonce())),
                ByteBuffer.wrap(Base64.getDecoder().decode(s.ciphertext())));
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
