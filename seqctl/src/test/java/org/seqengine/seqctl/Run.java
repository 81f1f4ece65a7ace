package org.seqengine.seqctl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One {@code seqctl} invocation through picocli's {@code execute}, its output and error captured. */
record Run(int exitCode, String out, String err) {

    static Run of(Map<String, String> env, String... args) {
        CommandLine line = SeqCtl.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
