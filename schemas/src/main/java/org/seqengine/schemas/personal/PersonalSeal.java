package org.seqengine.schemas.personal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SealedFieldsRecord;
import org.seqengine.schemas.avro.SealedValueRecord;

/**
 * Crypto-shredding of personal values: each person has a random AES-256 key
 * ({@link PersonKeyRecord} on {@code people.keys.v1}); personal values that travel outside the
 * person's own erasable records are sealed with it (AES-GCM, the JDK's own implementation). Erasing
 * the person tombstones the key, and every sealed copy (the append-only logs, backups, consumers'
 * copies) can no longer be opened.
 *
 * <p>The additional authenticated data binds a sealed value to its person and key, so a value
 * copied onto another person's record does not open.
 */
public final class PersonalSeal {

    public static final String ALGORITHM = "AES-256-GCM";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SpecificDatumWriter<SealedFieldsRecord> WRITER = new SpecificDatumWriter<>(SealedFieldsRecord.class);
    /**
     * Resolves SealedFieldsRecord through this class's own loader (as AvroSerde does): the generated
     * model resolves through Avro's loader, which under Quarkus dev/test mode finds another copy of
     * the class (a ClassCastException at the first open).
     */
    private static final SpecificDatumReader<SealedFieldsRecord> READER = new SpecificDatumReader<>(
            SealedFieldsRecord.getClassSchema(), SealedFieldsRecord.getClassSchema(),
            new SpecificData(SealedFieldsRecord.class.getClassLoader()));

    private PersonalSeal() {}

    /** A new random key for a person. */
    public static PersonKeyRecord newKey(String orgId, String personId, Instant now) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PersonKeyRecord.newBuilder().setOrgId(orgId).setPersonId(personId)
                .setKeyId(UUID.randomUUID().toString()).setAlgorithm(ALGORITHM)
                .setKey(ByteBuffer.wrap(key)).setCreatedAt(now).build();
    }

    /** Seals the non-null values of {@code fields}; null when there is none. */
    public static SealedValueRecord seal(PersonKeyRecord key, Map<String, String> fields) {
        Map<String, String> present = new HashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) present.put(name, value);
        });
        if (present.isEmpty()) return null;
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            byte[] sealed = cipher.doFinal(encode(new SealedFieldsRecord(present)));
            return SealedValueRecord.newBuilder().setKeyId(key.getKeyId())
                    .setNonce(ByteBuffer.wrap(nonce)).setCiphertext(ByteBuffer.wrap(sealed)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Seals one value. */
    public static SealedValueRecord seal(PersonKeyRecord key, String field, String value) {
        return value == null ? null : seal(key, Map.of(field, value));
    }

    /**
     * The sealed fields, or empty when the value was sealed with another key (the person was erased
     * and this key is not theirs, or the value belongs to someone else).
     */
    public static Optional<Map<String, String>> open(PersonKeyRecord key, SealedValueRecord value) {
        if (key == null || value == null || !key.getKeyId().equals(value.getKeyId())) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, bytes(value.getNonce()));
            SealedFieldsRecord fields = decode(cipher.doFinal(bytes(value.getCiphertext())));
            Map<String, String> out = new HashMap<>();
            out.putAll(fields.getFields());
            return Optional.of(out);
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** One opened field, or null. */
    public static String openField(PersonKeyRecord key, SealedValueRecord value, String field) {
        return open(key, value).map(f -> f.get(field)).orElse(null);
    }

    private static Cipher cipher(int mode, PersonKeyRecord key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(bytes(key.getKey()), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((key.getOrgId() + "/" + key.getPersonId() + "/" + key.getKeyId()).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] encode(SealedFieldsRecord fields) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            WRITER.write(fields, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SealedFieldsRecord decode(byte[] plain) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(plain, null);
            return READER.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
