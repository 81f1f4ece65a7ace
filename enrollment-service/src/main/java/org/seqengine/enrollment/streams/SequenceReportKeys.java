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
}
