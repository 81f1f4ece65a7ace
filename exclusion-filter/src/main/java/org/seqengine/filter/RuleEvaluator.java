package org.seqengine.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an exclusion rule excludes a person. A PERSON rule looks at the person's own facts. A
 * COMPANY rule excludes everyone at a domain when the filter holds for any person there: with the
 * company-side facts of the domain (the same for all of them) and that person's own {@code
 * person.*} facts — "remove all contacts of a company when any contact meets the criteria". When
 * the filter names no {@code person.*} field, the person's own evaluation decides (colleagues share
 * the company side) and colleagues are not evaluated.
 */
public final class RuleEvaluator {

    private RuleEvaluator() {}

    /**
     * @param colleaguesAtDomain the people at {@code self}'s domain, {@code self} included or not
     *                           (COMPANY rules only; a match names the colleague's record in evidence)
     */
    public static Evaluation evaluate(RuleLevel level, Filter f, Facts self, List<Facts> colleaguesAtDomain, Instant now) {
        Evaluation own = FilterEvaluator.evaluate(f, self, now);
        if (level == RuleLevel.PERSON || own.matches() || !f.referencesPersonFields()) return own;
        Instant flip = own.nextFlipAt();
        for (Facts colleague : colleaguesAtDomain == null ? List.<Facts>of() : colleaguesAtDomain) {
            if (colleague == self) continue;
            Evaluation theirs = FilterEvaluator.evaluate(f, colleague, now);
            // true stays true until the colleague's match can end; false can end at anyone's flip
            if (theirs.matches()) return theirs;
            flip = earliest(flip, theirs.nextFlipAt());
        }
        return new Evaluation(false, List.of(), flip);
    }

    /**
     * {@link #evaluate} for every person at one domain at once, in their order: each filter
     * evaluation runs once per person instead of once per pair (a company of 10,000 people).
     * {@code result.get(i)} equals {@code evaluate(level, f, people.get(i), people, now)}.
     */
    public static List<Evaluation> evaluateAll(RuleLevel level, Filter f, List<Facts> people, Instant now) {
        List<Evaluation> own = new ArrayList<>(people.size());
        for (Facts person : people) own.add(FilterEvaluator.evaluate(f, person, now));
        if (level == RuleLevel.PERSON || !f.referencesPersonFields()) return own;
        Evaluation firstMatch = null;
        Instant flip = null;
        for (Evaluation e : own) {
            if (e.matches() && firstMatch == null) firstMatch = e;
            flip = earliest(flip, e.nextFlipAt());
        }
        List<Evaluation> result = new ArrayList<>(people.size());
        for (Evaluation e : own) {
            result.add(e.matches() ? e : firstMatch != null ? firstMatch : new Evaluation(false, List.of(), flip));
        }
        return result;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.isBefore(a) ? b : a;
    }
}
