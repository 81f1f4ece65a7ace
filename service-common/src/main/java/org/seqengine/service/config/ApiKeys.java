package org.seqengine.service.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API keys and the organization each belongs to, parsed from {@code org_id:key,org_id:key}.
 * Lookups compare every configured key in constant time (no early exit) so timing reveals nothing.
 */
public final class ApiKeys {

    private record Entry(String orgId, byte[] key) {}

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    public static ApiKeys parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) continue;
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    // The message names the position only: the value itself is a secret.
                    throw new IllegalArgumentException("ENROLLMENT_API_KEYS entry #" + (entries.size() + 1)
                            + " is not of the form org_id:key");
                }
                String orgId = trimmed.substring(0, colon).trim();
                if (orgId.contains("/")) {
                    throw new IllegalArgumentException("ENROLLMENT_API_KEYS: an org_id must not contain '/'");
                }
                entries.add(new Entry(orgId, trimmed.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new ApiKeys(List.copyOf(entries));
    }

    /** The organization the key belongs to, if it is a configured key. */
    public Optional<String> organizationOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) return Optional.empty();
        byte[] presented = presentedKey.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.key(), presented) && match == null) {
                match = e.orgId();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }
}
