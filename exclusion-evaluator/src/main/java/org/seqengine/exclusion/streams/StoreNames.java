package org.seqengine.exclusion.streams;

/** The evaluator's state stores. Local stores are backed by changelogs; global ones mirror a topic. */
public final class StoreNames {

    private StoreNames() {}

    // enrollment routing (key org/enrollment_id)
    public static final String ENROLLMENT_ROUTES = "enrollment-routes";
    // person stage (key org/person_id)
    public static final String PERSON_FACTS = "person-facts";
    // domain stage (keys start with org/<domain> or org/~/<person_id>, then '|')
    public static final String DOMAIN_PEOPLE = "domain-people";
    public static final String DOMAIN_RECORDS = "domain-records";
    public static final String DOMAIN_LISTS = "domain-lists";
    public static final String DOMAIN_RESULTS = "domain-results";
    public static final String FLIP_DUE = "flip-due";
    public static final String FLIP_BY_DOMAIN = "flip-by-domain";
    public static final String FLIP_CURSOR = "flip-cursor";
    public static final String ORG_CONFIG = "org-config";
    // publisher (key org/person_id)
    public static final String PUBLICATIONS = "publications";
    // mailbox stage (key org/mailbox_id) and owner stage (key org/owner_id)
    public static final String MAILBOX_RECORDS = "mailbox-records";
    public static final String MAILBOX_ENROLLMENTS = "mailbox-enrollments";
    public static final String OWNER_MAILBOXES = "owner-mailboxes";
    // global stores
    public static final String EXCLUSION_RULES = "exclusion-rules";
    public static final String RULESETS = "rulesets";
    public static final String SEQUENCES = "sequences";
    public static final String SETTINGS = "settings";
    public static final String MAILBOX_LOAD = "mailbox-load";
}
