package org.seqengine.mailer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlusTagTest {

    @ParameterizedTest
    @EnumSource(Reaction.class)
    void everyTagWithoutANumberActsOnStepOne(Reaction reaction) {
        assertThat(PlusTag.of("ada+" + reaction.tag() + "@example.com")).contains(new PlusTag(reaction, 1));
    }

    @ParameterizedTest
    @EnumSource(Reaction.class)
    void everyTagTakesAStepNumber(Reaction reaction) {
        assertThat(PlusTag.of("ada+" + reaction.tag() + "-3@example.com")).contains(new PlusTag(reaction, 3));
    }

    @ParameterizedTest
    @CsvSource({
            "ada+reply-positive-2@example.com, REPLY_POSITIVE, 2",
            "ada+ooo-noreturn@example.com, OOO_NORETURN, 1",
            "ada+ooo-noreturn-2@example.com, OOO_NORETURN, 2",
            "ada+ooo-12@example.com, OOO, 12",
            "ada+removal-request-1@example.com, REMOVAL_REQUEST, 1",
            "ada+optout-01@example.com, OPTOUT, 1",
            "Ada+Reply-Negative@Example.com, REPLY_NEGATIVE, 1",
            "ADA+BOUNCE@EXAMPLE.COM, BOUNCE, 1",
            "ada+news+fail-2@example.com, FAIL, 2",
            "ada+bounce+fail@example.com, BOUNCE, 1",
            "\"ada@home\"+reply-neutral@example.com, REPLY_NEUTRAL, 1"})
    void readsTheFirstKnownTagOfTheLocalPart(String email, Reaction reaction, int step) {
        assertThat(PlusTag.of(email)).contains(new PlusTag(reaction, step));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ada@example.com", "ada+@example.com", "ada+news@example.com", "ada+bounced@example.com",
            "ada+reply@example.com", "ada+reply-angry@example.com", "ada+bounce-0@example.com",
            "ada+bounce-x@example.com", "ada+bounce-@example.com", "ada+bounce-1234567890@example.com",
            "ada+-2@example.com", "ada@bounce+bounce.example.com", "bounce@example.com", ""})
    void noKnownTagIsNoTag(String email) {
        assertThat(PlusTag.of(email)).as(email).isEmpty();
    }

    @Test
    void anAddressWithoutDomainIsAllLocalPart() {
        assertThat(PlusTag.of("ada+bounce")).contains(new PlusTag(Reaction.BOUNCE, 1));
        assertThat(PlusTag.of(null)).isEmpty();
    }

    @Test
    void stepNumbersCountFromOneAndApplyToTheirZeroBasedIndex() {
        PlusTag second = new PlusTag(Reaction.REPLY_POSITIVE, 2);
        assertThat(second.appliesTo(0)).isFalse();
        assertThat(second.appliesTo(1)).isTrue();
        assertThat(second.appliesTo(2)).isFalse();
        assertThatThrownBy(() -> new PlusTag(Reaction.BOUNCE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
