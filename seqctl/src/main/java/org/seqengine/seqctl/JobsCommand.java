package org.seqengine.seqctl;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Bulk jobs.", subcommands = JobsCommand.Watch.class)
final class JobsCommand {

    enum Kind { unenroll, restore, reassign, upgrade, erase }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Follow a job until it completes, then print its counts.")
    static final class Watch implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "JOB_ID")
        String jobId;

        @Option(names = "--kind", defaultValue = "unenroll", description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Kind kind;

        @Option(names = "--interval-ms", defaultValue = "1000", description = "Poll interval (default ${DEFAULT-VALUE}).")
        long intervalMillis;

        @Override
        public Integer call() {
            if (!CsvInput.isUuid(jobId)) throw new CliException(CliException.USAGE, "JOB_ID must be a UUID: " + jobId);
            return new JobWatcher(api.client(), Duration.ofMillis(intervalMillis))
                    .watch("/" + kind + "-jobs/" + jobId, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
