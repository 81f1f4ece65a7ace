package org.seqengine.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    @Test
    void buildsAndSplitsKeys() {
        String key = Keys.of("org-1", "person-9");
        assertThat(key).isEqualTo("org-1/person-9");
        assertThat(Keys.orgOf(key)).isEqualTo("org-1");
        assertThat(Keys.idOf(key)).isEqualTo("person-9");
    }

    @Test
    void idMayContainASlash() {
        String key = Keys.of("org-1", "a/b");
        assertThat(Keys.orgOf(key)).isEqualTo("org-1");
        assertThat(Keys.idOf(key)).isEqualTo("a/b");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void rejectsNullOrBlankParts(String blank) {
        assertThatThrownBy(() -> Keys.of(blank, "id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.of("org", blank)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsASlashInTheOrgId() {
        assertThatThrownBy(() -> Keys.of("org/x", "id")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "no-separator", "/id", "org/", " /id", "org/ "})
    void rejectsMalformedKeys(String key) {
        assertThatThrownBy(() -> Keys.orgOf(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.idOf(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
