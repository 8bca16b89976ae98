package dev.netscale.calibrate;

import dev.netscale.backend.ProcessTracker;
import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the short helper commands of a calibration, pinned and bounded in time. */
final class Commands {
    /** What a command printed (stdout and stderr together) and how it ended. */
    record Output(int status, String text, boolean timedOut) {
    }

    private Commands() {
    }

    /** {@code taskset -c CPUS command...}. */
    static List<String> pinned(BitSet cpus, List<String> command) {
        List<String> out = new ArrayList<>(List.of("taskset", "-c", CpuSet.format(cpus)));
        out.addAll(command);
        return out;
    }

    /**
     * Runs a command to its end or until {@code timeout}, when it is ended by its process id.
     *
     * @throws IOException when the command cannot be started at all
     */
    static Output run(ProcessTracker processes, List<String> command, Duration timeout)
            throws IOException {
        Process p = processes.start(new ProcessBuilder(command).redirectErrorStream(true));
        p.getOutputStream().close();
        CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> read(p));
        boolean ended;
        try {
            ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        int status = processes.end(p);
        return new Output(status, text.join(), !ended);
    }

    static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
