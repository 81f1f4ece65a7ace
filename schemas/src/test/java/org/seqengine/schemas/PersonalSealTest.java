package org.seqengine.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SealedValueRecord;
import org.seqengine.schemas.personal.PersonalSeal;
import org.seqengine.schemas.personal.SuppressionKeys;

class PersonalSealTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void opensWhatItSealedAndTheBytesHoldNoPlaintext() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", "p-1", NOW);
        SealedValueRecord sealed = PersonalSeal.seal(key, Map.of("to_email", "ada@example.com", "subject", "Hi Ada"));
        assertThat(PersonalSeal.open(key, sealed)).contains(Map.of("to_email", "ada@example.com", "subject", "Hi Ada"));
        byte[] wire = new byte[sealed.getCiphertext().remaining()];
        sealed.getCiphertext().duplicate().get(wire);
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("ada@example.com").doesNotContain("Ada");
    }

    @Test
    void anotherKeyOrAnotherPersonsKeyOpensNothing() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", "p-1", NOW);
        SealedValueRecord sealed = PersonalSeal.seal(key, "subject", "Re: hello");
        assertThat(PersonalSeal.open(PersonalSeal.newKey("org-a", "p-1", NOW), sealed)).isEmpty();
        PersonKeyRecord sameBytesOtherPerson = PersonKeyRecord.newBuilder(key).setPersonId("p-2").build();
        assertThat(PersonalSeal.open(sameBytesOtherPerson, sealed)).isEmpty();
        assertThat(PersonalSeal.open(null, sealed)).isEmpty();
    }

    @Test
    void nothingToSealIsNull() {
        PersonKeyRecord key = PersonalSeal.newKey("org-a", "p-1", NOW);
        assertThat(PersonalSeal.seal(key, "subject", null)).isNull();
        assertThat(PersonalSeal.openField(key, null, "subject")).isNull();
    }

    @Test
    void suppressionKeysAreKeyedPerOrganizationAndNormalized() {
        SuppressionKeys keys = new SuppressionKeys("secret-1");
        String a = keys.keyOf("org-a", " Ada@Example.com ");
        assertThat(a).isEqualTo(keys.keyOf("org-a", "ada@example.com")).startsWith("org-a/").doesNotContain("ada");
        assertThat(keys.keyOf("org-b", "ada@example.com")).isNotEqualTo(a).startsWith("org-b/");
        assertThat(new SuppressionKeys("secret-2").keyOf("org-a", "ada@example.com")).isNotEqualTo(a);
        assertThat(keys.keyOf("org-a", " ")).isNull();
        assertThatThrownBy(() -> new SuppressionKeys(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
