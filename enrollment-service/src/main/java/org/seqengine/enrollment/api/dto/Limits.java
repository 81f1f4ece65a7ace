package org.seqengine.enrollment.api.dto;

/**
 * Request limits (documented in enrollment-service/README.md). Each bounds what one request can put
 * into one Kafka record: at 3 UTF-8 bytes per character the largest accepted sequence or person
 * stays under the producer's default {@code max.request.size} of 1 MiB ({@code RequestLimitsTest}
 * encodes both and checks).
 */
public final class Limits {

    private Limits() {}

    /** Names, display names, owner ids, reasons. */
    public static final int NAME = 200;
    /** Person fields (names, URLs, domains) and email subjects. */
    public static final int TEXT = 1_000;
    /** Notes a person gives (permission notes). */
    public static final int NOTE = 2_000;
    /** Steps of one sequence. */
    public static final int STEPS = 30;
    /** Body of one step (email body or task description). */
    public static final int STEP_BODY = 10_000;
    /** Entries of a person's attributes, and the length of each key and value. */
    public static final int ATTRIBUTES = 100;
    public static final int ATTRIBUTE_KEY = 100;
    public static final int ATTRIBUTE_VALUE = 1_000;
    /** Exclusion rules one ruleset enables. */
    public static final int EXCLUSION_RULE_IDS = 100;
    /** An exclusion rule's filter, as JSON text. */
    public static final int FILTER_JSON = 16_000;
    /** Wait days of a step and the re-enrollment waiting period. */
    public static final int DAYS = 3_650;
    /** Mailboxes one enrollment may choose from. */
    public static final int MAILBOX_EMAILS = 10;
    /** Targets of one unenroll job. */
    public static final int JOB_ENROLLMENT_IDS = 100_000;
    public static final int JOB_COMPANY_DOMAINS = 1_000;
    /** CRMs one organization maps in its settings. */
    public static final int CRMS = 50;
    /** A company domain (the DNS maximum). */
    public static final int DOMAIN = 253;
}
