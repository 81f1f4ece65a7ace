package org.seqengine.enrollment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seqengine.enrollment.domain.reference.ExclusionMatch;
import org.seqengine.enrollment.domain.reference.ExclusionRule;
import org.seqengine.enrollment.domain.reference.Mailbox;
import org.seqengine.enrollment.domain.reference.MatchLevel;
import org.seqengine.enrollment.domain.reference.OrgSettings;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Ruleset;
import org.seqengine.enrollment.domain.reference.Sequence;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.enrollment.domain.reference.StepType;

/** Reference data backed by maps, for domain tests. Build with {@link #builder()}; immutable once built. */
final class InMemoryReferenceData implements ReferenceData {

    static final String ORG = "org-1";

    private final Map<String, Sequence> sequences;
    /** Older sequence versions by {@code sequence_id/version}. */
    private final Map<String, Sequence> versions;
    private final Map<String, Person> people;
    private final Map<String, Mailbox> mailboxes;
    private final Map<String, Ruleset> rulesets;
    private final Map<String, ExclusionRule> rules;
    private final Map<String, List<ExclusionMatch>> matches;
    private final Map<String, Long> loads;
    private final OrgSettings settings;
    /** Suppressed emails, lower-cased (the real list holds keyed hashes of them). */
    private final java.util.Set<String> suppressed;

    private InMemoryReferenceData(Builder b) {
        sequences = Map.copyOf(b.sequences);
        versions = Map.copyOf(b.versions);
        people = Map.copyOf(b.people);
        mailboxes = Map.copyOf(b.mailboxes);
        rulesets = Map.copyOf(b.rulesets);
        rules = Map.copyOf(b.rules);
        Map<String, List<ExclusionMatch>> m = new HashMap<>();
        b.matches.forEach((k, v) -> m.put(k, List.copyOf(v)));
        matches = Map.copyOf(m);
        loads = Map.copyOf(b.loads);
        settings = b.settings;
        suppressed = java.util.Set.copyOf(b.suppressed);
    }

    static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this data. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.sequences.putAll(sequences);
        b.versions.putAll(versions);
        b.people.putAll(people);
        b.mailboxes.putAll(mailboxes);
        b.rulesets.putAll(rulesets);
        b.rules.putAll(rules);
        matches.forEach((k, v) -> b.matches.put(k, new ArrayList<>(v)));
        b.loads.putAll(loads);
        b.settings = settings;
        b.suppressed.addAll(suppressed);
        return b;
    }

    @Override
    public Optional<Sequence> sequence(String sequenceId) {
        return Optional.ofNullable(sequences.get(sequenceId));
    }

    /** Older versions are kept by {@link Builder#sequenceVersion}; the current one answers its own version. */
    @Override
    public Optional<Sequence> sequenceVersion(String sequenceId, int version) {
        Sequence old = versions.get(sequenceId + "/" + version);
        if (old != null) return Optional.of(old);
        return sequence(sequenceId).filter(s -> s.version() == version);
    }

    @Override
    public boolean suppressed(Person person) {
        return person.email() != null && suppressed.contains(person.email().trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<Person> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<Mailbox> mailboxByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.toLowerCase(Locale.ROOT);
        return mailboxes.values().stream()
                .filter(m -> m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @Override
    public Optional<Mailbox> mailbox(String mailboxId) {
        return Optional.ofNullable(mailboxes.get(mailboxId));
    }

    @Override
    public Optional<Ruleset> ruleset(String rulesetId) {
        return Optional.ofNullable(rulesets.get(rulesetId));
    }

    @Override
    public Optional<ExclusionRule> exclusionRule(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    @Override
    public List<ExclusionMatch> exclusionMatches(String personId) {
        return matches.getOrDefault(personId, List.of());
    }

    @Override
    public OrgSettings settings() {
        return settings;
    }

    @Override
    public long activeEnrollments(String mailboxId) {
        return loads.getOrDefault(mailboxId, 0L);
    }

    static final class Builder {
        private final java.util.Set<String> suppressed = new java.util.HashSet<>();
        private final Map<String, Sequence> sequences = new HashMap<>();
        private final Map<String, Sequence> versions = new HashMap<>();
        private final Map<String, Person> people = new HashMap<>();
        private final Map<String, Mailbox> mailboxes = new HashMap<>();
        private final Map<String, Ruleset> rulesets = new HashMap<>();
        private final Map<String, ExclusionRule> rules = new HashMap<>();
        private final Map<String, List<ExclusionMatch>> matches = new HashMap<>();
        private final Map<String, Long> loads = new HashMap<>();
        private OrgSettings settings = OrgSettings.DEFAULTS;

        Builder settings(OrgSettings settings) {
            this.settings = settings;
            return this;
        }

        Builder sequence(Sequence sequence) {
            sequences.put(sequence.id(), sequence);
            return this;
        }

        /** An older version of a sequence (its snapshot), kept next to the current one. */
        Builder sequenceVersion(Sequence version) {
            versions.put(version.id() + "/" + version.version(), version);
            return this;
        }

        /** A sequence of {@code stepCount} email steps. */
        Builder sequence(String id, boolean published, String rulesetId, int stepCount) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < stepCount; i++) {
                steps.add(new Step(StepType.EMAIL, i == 0 ? 0 : 2, "Subject " + (i + 1), "Body " + (i + 1)));
            }
            return sequence(new Sequence(ORG, id, "Sequence " + id, published, false, rulesetId, steps));
        }

        Builder person(Person person) {
            people.put(person.id(), person);
            return this;
        }

        /** This email belonged to an erased person. */
        Builder suppress(String email) {
            suppressed.add(email.trim().toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        /** A person with a valid address and no flags. */
        Builder person(String id) {
            return person(new Person(ORG, id, id + "@prospect.example.com", "Ada", "Lovelace", null,
                    "prospect.example.com", false, false, false, Map.of()));
        }

        Builder mailbox(Mailbox mailbox) {
            mailboxes.put(mailbox.id(), mailbox);
            return this;
        }

        Builder mailbox(String id, String email) {
            return mailbox(new Mailbox(ORG, id, email, "Sender " + id, "owner-" + id, false, false));
        }

        Builder load(String mailboxId, long activeEnrollments) {
            loads.put(mailboxId, activeEnrollments);
            return this;
        }

        Builder ruleset(Ruleset ruleset) {
            rulesets.put(ruleset.id(), ruleset);
            return this;
        }

        Builder ruleset(String id, boolean reenrollment, boolean sameSequence, int waitingDays, String... ruleIds) {
            return ruleset(new Ruleset(ORG, id, reenrollment, sameSequence, waitingDays, Set.of(ruleIds)));
        }

        Builder rule(ExclusionRule rule) {
            rules.put(rule.id(), rule);
            return this;
        }

        Builder rule(String id, boolean excludeFromSequences, boolean removeFromActive) {
            return rule(new ExclusionRule(ORG, id, "Rule " + id, MatchLevel.PERSON, excludeFromSequences,
                    removeFromActive, "{}"));
        }

        Builder match(String personId, String ruleId, MatchLevel level) {
            matches.computeIfAbsent(personId, k -> new ArrayList<>()).add(new ExclusionMatch(ruleId, level));
            return this;
        }

        Builder match(String personId, String ruleId) {
            return match(personId, ruleId, MatchLevel.PERSON);
        }

        InMemoryReferenceData build() {
            return new InMemoryReferenceData(this);
        }
    }
}
