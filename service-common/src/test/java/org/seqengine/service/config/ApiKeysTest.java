package org.seqengine.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void mapsEachKeyToItsOrganization() {
        ApiKeys keys = ApiKeys.parse("org-a:alpha, org-b:beta");
        assertThat(keys.organizationOf("alpha")).contains("org-a");
        assertThat(keys.organizationOf("beta")).contains("org-b");
        assertThat(keys.organizationOf("alph")).isEmpty();
        assertThat(keys.organizationOf("")).isEmpty();
        assertThat(keys.organizationOf(null)).isEmpty();
    }

    @Test
    void emptyConfigurationAcceptsNoKey() {
        assertThat(ApiKeys.parse("").organizationOf("anything")).isEmpty();
        assertThat(ApiKeys.parse(null).size()).isZero();
    }

    @Test
    void malformedEntryIsRejectedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> ApiKeys.parse("org-a:ok,secret-without-org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#2")
                .hasMessageNotContaining("secret-without-org");
    }
}
