package org.seqengine.exclusion.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rules each person at a domain matches (every person of the domain has an entry, empty if none)
 * and the earliest instant a time-relative condition can change that (null: none).
 */
public record DomainEvaluation(Map<String, List<RuleMatch>> matchesByPerson, Instant nextFlipAt) {}
