package dev.netscale.backend;

import dev.netscale.resources.StraceSummary;
import dev.netscale.resources.SyscallCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code strace -c -f} attached to a running receiver by its host process id, which for a
 * container's process works from the host as well (as root). Counting starts once strace says
 * it is attached, so that no message goes uncounted, and ends when it is told to detach, on
 * which it writes its table.
 */
public final class StraceAttachment {
    static final String TABLE = "strace.txt";

    private final ProcessTracker processes;
    private final Process strace;
    private final Path logs;

    private StraceAttachment(ProcessTracker processes, Process strace, Path logs) {
        this.processes = processes;
        this.strace = strace;
        this.logs = logs;
    }

    /**
     * Attaches to every thread of {@code pid}, present and future, and waits until strace
     * says it is attached.
     *
     * @throws TrialFailure when strace cannot start or attach
     */
    public static StraceAttachment attach(ProcessTracker processes, long pid, Path logs,
            long deadlineNanos) throws InterruptedException {
        List<String> cmd = List.of("strace", "-c", "-f", "-o", logs.resolve(TABLE).toString(),
                "-p", Long.toString(pid));
        try {
            Files.writeString(logs.resolve("strace.cmd"), String.join(" ", cmd) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logs.resolve("strace.cmd"), e);
        }
        Process strace;
        try {
            strace = processes.start(new ProcessBuilder(cmd));
        } catch (IOException e) {
            throw new TrialFailure("cannot start strace: " + e.getMessage());
        }
        StraceAttachment attached = new StraceAttachment(processes, strace, logs);
        LineCollector err = new LineCollector(strace.getErrorStream(),
                logs.resolve("strace.err"), "strace-" + pid);
        String line = err.await("strace:", deadlineNanos, "strace to attach to the receiver",
                () -> strace.isAlive() ? null : "strace exited with status "
                        + strace.exitValue() + TrialSteps.lastLine(logs.resolve("strace.err")));
        if (!line.contains(" attached")) {
            attached.end();
            throw new TrialFailure("strace could not attach to the receiver: " + line);
        }
        return attached;
    }

    /** Detaches strace (on SIGTERM it detaches and writes its table) and reads the table. */
    public SyscallCounts detach() throws InterruptedException {
        strace.destroy();
        if (!strace.waitFor(30, TimeUnit.SECONDS)) {
            throw new TrialFailure("strace did not detach from the receiver within 30 s");
        }
        List<String> table = LineCollector.readLines(logs.resolve(TABLE));
        try {
            return new SyscallCounts(SyscallCounts.ATTACH,
                    StraceSummary.parse(String.join("\n", table)));
        } catch (IllegalArgumentException e) {
            throw new TrialFailure("cannot read strace's counts in " + logs.resolve(TABLE)
                    + ": " + e.getMessage());
        }
    }

    /** Ends strace by its id if it still runs. */
    public void end() {
        processes.end(strace);
    }
}
