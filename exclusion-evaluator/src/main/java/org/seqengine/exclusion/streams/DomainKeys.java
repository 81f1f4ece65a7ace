package org.seqengine.exclusion.streams;

import org.seqengine.schemas.Keys;

/**
 * Keys of the domain stage: {@code org/<normalized domain>}, or {@code org/~/<person_id>} for a
 * person without a domain ({@code ~} is no host name, so the two never collide). Store keys add
 * {@code |} and the entry's id: {@code |} is neither in a host name nor in an org id.
 */
final class DomainKeys {

    static final String NO_DOMAIN = "~/";
    static final char SEP = '|';

    private DomainKeys() {}

    static String of(String org, String domain, String personId) {
        return Keys.of(org, domain != null ? domain : NO_DOMAIN + personId);
    }

    /** The normalized domain of a domain key, or null for a person without one. */
    static String domainOf(String domainKey) {
        String id = Keys.idOf(domainKey);
        return id.startsWith(NO_DOMAIN) ? null : id;
    }

    static String entry(String domainKey, String id) {
        return domainKey + SEP + id;
    }

    static String prefix(String domainKey) {
        return domainKey + SEP;
    }

    /** The domain key of a store key made by {@link #entry}. */
    static String domainKeyOf(String entryKey) {
        return entryKey.substring(0, entryKey.indexOf(SEP));
    }

    static String idOf(String entryKey) {
        return entryKey.substring(entryKey.indexOf(SEP) + 1);
    }
}
