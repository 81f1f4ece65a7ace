package org.seqengine.seqctl;

import java.io.PrintWriter;

/** A one-line progress indicator on stderr, redrawn with {@code \r}; {@link #done()} ends the line. */
final class Progress {

    private final PrintWriter err;
    private final String label;
    private int width;

    Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void show(long done, long total, String detail) {
        String line = label + ": " + done + "/" + total + (total > 0 ? " (" + (100 * done / total) + "%)" : "")
                + (detail == null || detail.isEmpty() ? "" : " " + detail);
        String pad = line.length() < width ? " ".repeat(width - line.length()) : "";
        width = Math.max(width, line.length());
        err.print("\r" + line + pad);
        err.flush();
    }

    void done() {
        if (width > 0) {
            err.println();
            err.flush();
        }
    }
}
