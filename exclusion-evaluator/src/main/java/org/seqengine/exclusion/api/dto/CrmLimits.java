package org.seqengine.exclusion.api.dto;

/**
 * Limits of {@code POST /crm-changes}. One change's largest record (100 fields of 2,000
 * characters, at up to 3 UTF-8 bytes each) stays well under the producer's 1 MiB request limit.
 */
public final class CrmLimits {

    /** Most changes in one batch (one Kafka transaction). */
    public static final int CHANGES = 1000;
    /** Most changed fields in one change. */
    public static final int FIELDS = 100;
    public static final int FIELD_NAME = 100;
    /** Longest field value, as text. */
    public static final int FIELD_VALUE = 2000;
    public static final int CRM_NAME = 64;
    public static final int OBJECT_ID = 255;
    public static final int DOMAIN = 2048;

    private CrmLimits() {}
}
