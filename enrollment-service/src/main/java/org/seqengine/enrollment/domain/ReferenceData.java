package org.seqengine.enrollment.domain;

import java.util.List;
import java.util.Optional;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;

/**
 * The reference data a decision may look at, scoped to one organization. The Streams adapter backs
 * it with state stores; tests back it with maps. Lookups only: no I/O side effects, no clock.
 */
public interface ReferenceData {

    Optional<Sequence> sequence(String sequenceId);

    /**
     * The sequence as it was at {@code version} (its steps then; the pause state is today's): the
     * version snapshot, else the current sequence when it is at that version.
     */
    Optional<Sequence> sequenceVersion(String sequenceId, int version);

    Optional<Person> person(String personId);

    /**
     * Whether this person's email is suppressed: it belonged to a person who was erased (people.suppressions.v1,
     * keyed by a keyed hash of the normalized email, never the address).
     */
    default boolean suppressed(Person person) {
        return false;
    }

    /** The org's mailbox with this address (case-insensitive), if any. */
    Optional<Mailbox> mailboxByEmail(String email);

    Optional<Mailbox> mailbox(String mailboxId);

    /** The ruleset by id ({@value Ruleset#DEFAULT_ID} is the org default); see {@link Rulesets}. */
    Optional<Ruleset> ruleset(String rulesetId);

    Optional<ExclusionRule> exclusionRule(String ruleId);

    /** The exclusion rules the person matches now. */
    List<ExclusionMatch> exclusionMatches(String personId);

    /** The organization's settings; {@link OrgSettings#DEFAULTS} when it saved none. */
    OrgSettings settings();

    /** Active enrollments currently sending from the mailbox (for picking the least-loaded candidate). */
    long activeEnrollments(String mailboxId);
}
