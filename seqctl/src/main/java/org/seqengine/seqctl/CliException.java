package org.seqengine.seqctl;

/** A failure reported to the user as one line (no stack trace) with the process exit code. */
public final class CliException extends RuntimeException {

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
