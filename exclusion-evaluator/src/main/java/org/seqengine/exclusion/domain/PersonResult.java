package org.seqengine.exclusion.domain;

import java.util.List;

/**
 * What the domain stage tells the publisher about one person: the rules matched by the view of
 * version {@code viewVersion}, the person's active enrollment in that view, when it was evaluated
 * (epoch millis); or, with {@code erased}, that the person record is gone.
 */
public record PersonResult(String personId, long viewVersion, boolean erased, List<RuleMatch> matches,
                           ActiveEnrollment activeEnrollment, long evaluatedAt) {

    public PersonResult {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static PersonResult erased(String personId, long version, long at) {
        return new PersonResult(personId, version, true, List.of(), null, at);
    }
}
