package org.seqengine.exclusion.domain;

import java.util.List;
import java.util.Set;

/**
 * The publisher's state for one person: the highest view version seen, whether the person was
 * erased, the matches last published (and whether anything was), and the Excludes sent for them.
 */
public record Publication(long version, boolean erased, List<PublishedMatch> matches, boolean published,
                          Set<CommandedExclusion> commanded) {

    public Publication {
        matches = List.copyOf(matches);
        commanded = Set.copyOf(commanded);
    }

    public static Publication none() {
        return new Publication(Long.MIN_VALUE, false, List.of(), false, Set.of());
    }
}
