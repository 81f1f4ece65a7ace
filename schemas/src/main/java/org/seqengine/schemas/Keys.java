package org.seqengine.schemas;

/**
 * Record keys of the form {@code orgId/id} (e.g. {@code org_id/person_id}, {@code org_id/enrollment_id}).
 *
 * <p>The organization id may not contain {@code '/'}; the id may (everything after the first
 * {@code '/'} is the id). Keys are opaque ids, never an email.
 */
public final class Keys {

    public static final char SEPARATOR = '/';

    private Keys() {
    }

    /** Builds {@code orgId + "/" + id}. */
    public static String of(String orgId, String id) {
        requirePart("orgId", orgId);
        requirePart("id", id);
        if (orgId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("orgId must not contain '" + SEPARATOR + "'");
        }
        return orgId + SEPARATOR + id;
    }

    /** The organization id of a key built by {@link #of}. */
    public static String orgOf(String key) {
        return key.substring(0, separatorIndex(key));
    }

    /** The id part of a key built by {@link #of}. */
    public static String idOf(String key) {
        return key.substring(separatorIndex(key) + 1);
    }

    private static int separatorIndex(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        int i = key.indexOf(SEPARATOR);
        if (i < 0) {
            throw new IllegalArgumentException("key has no '" + SEPARATOR + "' separator");
        }
        if (key.substring(0, i).isBlank() || key.substring(i + 1).isBlank()) {
            throw new IllegalArgumentException("key has a blank org id or id");
        }
        return i;
    }

    private static void requirePart(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }
}
