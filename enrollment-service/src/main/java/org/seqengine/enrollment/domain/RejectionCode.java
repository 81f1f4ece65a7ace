package org.seqengine.enrollment.domain;

/** Stable failure codes (the seed's enrollment failure reasons, plus lifecycle ones). */
public enum RejectionCode {
    SEQUENCE_NOT_FOUND("Sequence not found."),
    PERSON_NOT_FOUND("Person not found."),
    ENROLLMENT_NOT_FOUND("Enrollment not found."),
    SEQUENCE_NOT_PUBLISHED("Sequence is not published."),
    MAILBOX_NOT_FOUND("Mailbox not found."),
    OPTED_OUT("This person has opted out of emails."),
    DO_NOT_EMAIL("This person is not allowed to receive emails."),
    EMAIL_INVALID("Email failed validation or Bounce stopped."),
    ALREADY_ENROLLED_ACTIVE("This person is already enrolled in an active Sequence."),
    ALREADY_ENROLLED_IN_ANOTHER_SEQUENCE("This person is already enrolled in another Sequence."),
    ALREADY_ENROLLED_IN_THIS_SEQUENCE("This person is already enrolled in this Sequence."),
    RECENTLY_ENROLLED("This person was recently enrolled in a Sequence."),
    EXCLUDED("This person meets the exclusion criteria for the Sequence."),
    ENROLLMENT_NOT_ACTIVE("The enrollment has already ended."),
    ENROLLMENT_NOT_PAUSED("The enrollment is not paused."),
    ENROLLMENT_NOT_EXCLUDED("The enrollment did not end as Excluded (by this rule); only those can be reopened."),
    STEP_ALREADY_SENT("The first step has already been sent; the mailbox can no longer change."),
    NOT_OPTED_OUT("This person has not opted out."),
    PERMISSION_NOTE_REQUIRED("Clearing an opt-out needs a permission note."),
    ALREADY_AT_VERSION("The enrollment already follows this version of the sequence or a newer one."),
    SEQUENCE_VERSION_NOT_FOUND("That version of the sequence does not exist."),
    COMPANY_LIMIT_REACHED("The person's company already has the most active enrollments its ruleset allows."),
    SUPPRESSED("This email address belongs to a person who asked to be erased; it must not be contacted again.");

    private final String message;

    RejectionCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
