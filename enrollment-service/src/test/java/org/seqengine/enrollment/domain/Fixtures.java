package org.seqengine.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.domain.reference.Person;

/** Shared ids, commands and reference data for the domain tests. */
final class Fixtures {

    static final String ORG = InMemoryReferenceData.ORG;
    static final String PERSON = "person-1";
    static final String SEQ = "seq-1";            // published, 3 steps, default ruleset
    static final String SEQ_2 = "seq-2";          // published, 2 steps, default ruleset
    static final String DRAFT_SEQ = "seq-draft";  // not published
    static final String MB_A = "mb-a";
    static final String MB_B = "mb-b";
    static final String MB_C = "mb-c";
    static final String MAIL_A = "alice@seller.example.com";
    static final String MAIL_B = "bob@seller.example.com";
    static final String MAIL_C = "carol@seller.example.com";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {}

    /** One person, three mailboxes, two published sequences and a draft; default rulesets. */
    static InMemoryReferenceData.Builder reference() {
        return InMemoryReferenceData.builder()
                .person(PERSON)
                .sequence(SEQ, true, null, 3)
                .sequence(SEQ_2, true, null, 2)
                .sequence(DRAFT_SEQ, false, null, 1)
                .mailbox(MB_A, MAIL_A)
                .mailbox(MB_B, MAIL_B)
                .mailbox(MB_C, MAIL_C);
    }

    static Person person(String email, boolean doNotEmail, boolean emailOptOut, boolean highBounceRisk) {
        return new Person(ORG, PERSON, email, "Ada", "Lovelace", null, "prospect.example.com", doNotEmail,
                emailOptOut, highBounceRisk, Map.of());
    }

    static CommandMeta meta(String commandId) {
        return new CommandMeta(commandId, ORG, PERSON, T0, "tester", null);
    }

    static EnrollmentCommand.Enroll enroll(String commandId, String sequenceId, String... mailboxEmails) {
        return new EnrollmentCommand.Enroll(meta(commandId), sequenceId,
                mailboxEmails.length == 0 ? List.of(MAIL_A) : List.of(mailboxEmails));
    }

    static PersonState empty() {
        return PersonState.empty(ORG, PERSON);
    }
}
