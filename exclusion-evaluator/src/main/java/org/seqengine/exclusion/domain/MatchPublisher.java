package org.seqengine.exclusion.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The publisher's decision for one result: keep {@code matched_since} while a rule keeps matching,
 * publish only when what readers see changed, and send an Exclude for each removing match not
 * commanded yet (a rule switched to "remove from active" gets a new fingerprint, so a person who
 * already matched is commanded then). Results older than the newest view seen are ignored: they
 * come from a domain the person has left.
 */
public final class MatchPublisher {

    private MatchPublisher() {}

    /**
     * @param publish  publish {@link Publication#matches()} of {@code next} (empty list: matches nothing now)
     * @param tombstone publish a tombstone (the person was erased)
     * @param exclude  matches to name in an Exclude command for {@code enrollment} (empty: none)
     */
    public record Outcome(Publication next, boolean publish, boolean tombstone, List<PublishedMatch> exclude,
                          ActiveEnrollment enrollment) {}

    public static Outcome apply(Publication previous, PersonResult result, ExclusionReference reference) {
        Publication prev = previous == null ? Publication.none() : previous;
        if (result.viewVersion() < prev.version()) {
            return new Outcome(prev, false, false, List.of(), null);
        }
        if (result.erased()) {
            Publication next = new Publication(result.viewVersion(), true, List.of(), false, Set.of());
            return new Outcome(next, false, prev.published(), List.of(), null);
        }
        List<PublishedMatch> matches = new ArrayList<>();
        for (RuleMatch m : result.matches()) {
            long since = prev.matches().stream().filter(p -> p.ruleId().equals(m.ruleId())).findFirst()
                    .map(PublishedMatch::matchedSince).orElse(result.evaluatedAt());
            matches.add(new PublishedMatch(m.ruleId(), m.level(), since, m.evidence(), m.ruleFingerprint()));
        }
        boolean changed = prev.published() ? !samePublished(prev.matches(), matches) : !matches.isEmpty();

        ActiveEnrollment enrollment = result.activeEnrollment();
        Set<CommandedExclusion> commanded = new HashSet<>();
        for (CommandedExclusion c : prev.commanded()) {
            if (matches.stream().anyMatch(c::isFor)) commanded.add(c);
        }
        List<PublishedMatch> exclude = new ArrayList<>();
        for (PublishedMatch m : RemovalPolicy.removals(matches, enrollment, reference)) {
            CommandedExclusion c = new CommandedExclusion(enrollment.enrollmentId(), m.ruleId(), m.matchedSince(),
                    m.ruleFingerprint());
            if (commanded.add(c)) exclude.add(m);
        }
        Publication next = new Publication(result.viewVersion(), false, matches, prev.published() || changed, commanded);
        return new Outcome(next, changed, false, exclude, exclude.isEmpty() ? null : enrollment);
    }

    static boolean samePublished(List<PublishedMatch> a, List<PublishedMatch> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).samePublished(b.get(i))) return false;
        }
        return true;
    }
}
