package org.seqengine.exclusion.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The id of an Exclude command (a name-based UUID, v3): the same person, enrollment and matches
 * (rule, since when, rule fingerprint) always give the same id, so a replay after a crash is
 * deduplicated by enrollment-service's command outcomes.
 */
public final class ExcludeCommandIds {

    private ExcludeCommandIds() {}

    public static String of(String orgId, String personId, String enrollmentId, List<PublishedMatch> matches) {
        String name = "exclude|" + orgId + "|" + personId + "|" + enrollmentId + "|" + matches.stream()
                .map(m -> m.ruleId() + "@" + m.matchedSince() + "#" + m.ruleFingerprint())
                .sorted().collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
