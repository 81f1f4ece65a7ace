package org.seqengine.enrollment.domain;

/**
 * A personal value sealed with the person's data key (crypto-shredding, see the schemas'
 * {@code PersonalSeal}): opaque to the rules, which never need to read it. Base64 text, so two seals
 * are equal when their bytes are.
 */
public record Sealed(String keyId, String nonce, String ciphertext) {}
