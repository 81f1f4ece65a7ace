package org.seqengine.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "ada@example.com", "ada.lovelace+seq@mail.example.co.uk", "A_B@Example.IO", "x@a-b.example.org",
            "o'brien@example.ie", "ada@xn--80ak6aa92e.com"})
    void plausible(String email) {
        assertThat(EmailAddresses.isPlausible(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada@ex@ample.com",
            "ada lovelace@example.com", "ada@example.com ", "ada@.example.com", "ada@example..com",
            "ada@example.c", "ada@example.123", "ada@-example.com", "ada@example-.com"})
    void notPlausible(String email) {
        assertThat(EmailAddresses.isPlausible(email)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void tooLong() {
        assertThat(EmailAddresses.isPlausible("a".repeat(250) + "@example.com")).isFalse();
    }
}
