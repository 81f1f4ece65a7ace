package org.seqengine.schemas.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.seqengine.schemas.Keys;

/**
 * Keys of {@code people.suppressions.v1}: {@code org_id/<hex HMAC-SHA256 of the normalized email>}
 * under the organization's own key, HMAC(secret, "suppression/" + org_id). A keyed hash, so the entry
 * cannot be turned back into the address by hashing guesses without the secret, and two
 * organizations' entries for one address differ.
 */
public final class SuppressionKeys {

    private final byte[] secret;
    /** Each organization's key, derived once: the Enroll and dispatch checks ask on every decision. */
    private final Map<String, byte[]> orgKeys = new ConcurrentHashMap<>();

    /** @param secret the deployment's suppression secret (the same on every instance) */
    public SuppressionKeys(String secret) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("the suppression secret is blank");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The store key of this email in this organization, or null when the email is blank. */
    public String keyOf(String orgId, String email) {
        String normalized = normalize(email);
        if (normalized == null) return null;
        byte[] orgKey = orgKeys.computeIfAbsent(orgId, org -> hmac(secret, "suppression/" + org));
        return Keys.of(orgId, HexFormat.of().formatHex(hmac(orgKey, normalized)));
    }

    /** Trimmed and lower-cased; null when blank. */
    public static String normalize(String email) {
        if (email == null || email.isBlank()) return null;
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
