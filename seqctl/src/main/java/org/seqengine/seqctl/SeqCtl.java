package org.seqengine.seqctl;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code seqctl}: the operators' command line. The REST API's base URL and key come from the
 * environment ({@code SEQCTL_API_URL}, {@code SEQCTL_API_KEY}); {@code --api-url} overrides the URL.
 */
@Command(name = "seqctl", mixinStandardHelpOptions = true, version = "seqctl 0.1.0",
        description = "Operate the sequence enrollment engine: bulk enroll and unenroll from CSV, exclusion lists, "
                + "jobs, eligibility explanations, the event log, the topics' schemas in a registry.",
        subcommands = {EnrollCommand.class, UnenrollCommand.class, ExclusionListCommand.class, JobsCommand.class,
                EligibilityCommand.class, EventsCommand.class, SchemasCommand.class, CommandLine.HelpCommand.class})
public final class SeqCtl {

    static final String DEFAULT_API_URL = "http://localhost:8080/sequences/v1";

    private final Map<String, String> env;

    public SeqCtl(Map<String, String> env) {
        this.env = env;
    }

    /** The environment variable, or null when unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The command line with one-line error reporting: a {@link CliException} prints its message, nothing prints a stack trace. */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine line = new CommandLine(new SeqCtl(env));
        line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof CliException cli) {
                err.println("seqctl: " + cli.getMessage());
                err.flush();
                return cli.exitCode();
            }
            err.println("seqctl: unexpected error: " + e);
            err.flush();
            return CliException.FAILED;
        });
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }
}
