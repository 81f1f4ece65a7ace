package org.seqengine.exclusion.streams;

import java.util.List;
import org.seqengine.exclusion.domain.ActiveEnrollment;
import org.seqengine.exclusion.domain.RuleMatch;

/**
 * The last result the domain stage sent for a person: sent again only when the matches or the
 * enrollment change, or the org's rules changed while the person matches something.
 */
public record StoredResult(List<RuleMatch> matches, ActiveEnrollment enrollment, long viewVersion,
                           String orgFingerprint) {}
