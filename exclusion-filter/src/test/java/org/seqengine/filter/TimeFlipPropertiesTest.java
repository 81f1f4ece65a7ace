package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@code nextFlipAt} is where truth can change: before it (from {@code now} on) the result is the
 * same; a single time-relative condition does change exactly at it.
 */
class TimeFlipPropertiesTest {

    private static final Instant BASE = Instant.parse("2026-11-24T00:00:00Z");
    private static final long SPAN_MILLIS = 200L * 24 * 60 * 60 * 1000;

    @Property
    void aSingleConditionFlipsExactlyAtNextFlipAt(@ForAll("ops") Op op, @ForAll @IntRange(max = 60) int days,
                                                  @ForAll @LongRange(min = -SPAN_MILLIS, max = SPAN_MILLIS) long tOffset,
                                                  @ForAll @LongRange(min = -SPAN_MILLIS, max = SPAN_MILLIS) long nowOffset,
                                                  @ForAll @LongRange(min = 0, max = 1_000_000_000L) long nanos) {
        Filter f = condition("person.t", op, days);
        Facts facts = person(Map.of("t", BASE.plusMillis(tOffset).plusNanos(nanos % 1_000_000).toString()));
        Instant now = BASE.plusMillis(nowOffset);
        Evaluation at = FilterEvaluator.evaluate(f, facts, now);
        if (at.nextFlipAt() == null) {
            assertThat(FilterEvaluator.evaluate(f, facts, now.plus(Duration.ofDays(10_000))).matches()).isEqualTo(at.matches());
            return;
        }
        assertThat(at.nextFlipAt()).isAfter(now);
        assertThat(FilterEvaluator.evaluate(f, facts, at.nextFlipAt().minusNanos(1)).matches()).isEqualTo(at.matches());
        assertThat(FilterEvaluator.evaluate(f, facts, at.nextFlipAt()).matches()).isNotEqualTo(at.matches());
    }

    @Property
    void nothingChangesBeforeNextFlipAt(@ForAll("filters") Filter f, @ForAll("people") Facts facts,
                                        @ForAll @LongRange(min = -SPAN_MILLIS, max = SPAN_MILLIS) long nowOffset,
                                        @ForAll @LongRange(min = 0, max = 1_000_000) long fraction) {
        Instant now = BASE.plusMillis(nowOffset);
        Evaluation at = FilterEvaluator.evaluate(f, facts, now);
        Instant until = at.nextFlipAt() == null ? now.plus(Duration.ofDays(1_000)) : at.nextFlipAt();
        Duration gap = Duration.between(now, until);
        // an instant strictly between now and nextFlipAt, and the last one before it
        Instant between = now.plus(gap.multipliedBy(fraction).dividedBy(1_000_001));
        for (Instant later : List.of(between, until.minusNanos(1))) {
            Evaluation then = FilterEvaluator.evaluate(f, facts, later);
            assertThat(then.matches()).as("at %s (now %s, flip %s)", later, now, at.nextFlipAt()).isEqualTo(at.matches());
        }
    }

    private static Filter condition(String field, Op op, int days) {
        return new Filter.Condition(field, op, com.fasterxml.jackson.databind.node.LongNode.valueOf(days));
    }

    private static Facts person(Map<String, String> fields) {
        return new Facts("example.com", new SourceRecord("people", "person", "p", fields), List.of(),
                List.of(new SourceRecord("sf", "opportunity", "o1", fields)), Set.of());
    }

    @Provide
    Arbitrary<Op> ops() {
        return Arbitraries.of(Op.WITHIN_LAST_DAYS, Op.OLDER_THAN_DAYS);
    }

    @Provide
    Arbitrary<Facts> people() {
        Arbitrary<String> date = Arbitraries.longs().between(-SPAN_MILLIS, SPAN_MILLIS).map(o -> BASE.plusMillis(o).toString());
        return Arbitraries.maps(Arbitraries.of("a", "b", "c"), date).ofMaxSize(3).map(TimeFlipPropertiesTest::person);
    }

    /** Random and/or/not trees of time-relative conditions on person and opportunity fields. */
    @Provide
    Arbitrary<Filter> filters() {
        Arbitrary<Filter> leaf = Arbitraries.of("person.a", "person.b", "person.c", "opportunity.a", "opportunity.b")
                .flatMap(field -> ops().flatMap(op -> Arbitraries.integers().between(0, 60).map(n -> condition(field, op, n))));
        return Arbitraries.recursive(() -> leaf, this::compose, 3);
    }

    private Arbitrary<Filter> compose(Arbitrary<Filter> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMinSize(1).ofMaxSize(3).map(l -> (Filter) new Filter.All(new ArrayList<>(l))),
                inner.list().ofMinSize(1).ofMaxSize(3).map(l -> (Filter) new Filter.Any(new ArrayList<>(l))),
                inner.map(Filter.Not::new));
    }
}
