package org.seqengine.stepscheduler.streams;

/** Store key building blocks: fixed-width times so that text order is time order. */
final class Keyspace {

    static final char SEP = '|';
    /** The character after {@link #SEP}: {@code prefix + SEP} to {@code prefix + AFTER_SEP} spans every key under a prefix. */
    static final char AFTER_SEP = (char) (SEP + 1);

    private Keyspace() {}

    static String millis(long epochMillis) {
        return String.format("%020d", epochMillis);
    }

    static String start(String prefix) {
        return prefix + SEP;
    }

    static String end(String prefix) {
        return prefix + AFTER_SEP;
    }
}
