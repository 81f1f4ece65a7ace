package org.seqengine.enrollment.streams;

/** Keys of the {@link StoreNames#SEQUENCE_REPORT} store, under the sequence's key {@code org/sequence}. */
public final class SequenceReportKeys {

    private SequenceReportKeys() {}

    public static String all(String sequenceKey) {
        return sequenceKey + "/all";
    }

    public static String day(String sequenceKey, String day) {
        return sequenceKey + "/day/" + day;
    }

    /** How many of the sequence's enrollments a person has (for the distinct people count). */
    public static String person(String sequenceKey, String personId) {
        return sequenceKey + "/person/" + personId;
    }

    /** How many of the sequence's enrollments a company domain has (for the distinct companies count). */
    public static String company(String sequenceKey, String domain) {
        return sequenceKey + "/company/" + domain;
    }
}
