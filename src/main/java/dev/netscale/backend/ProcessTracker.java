package dev.netscale.backend;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes and ends them by their id: on completion, on failure, and on Ctrl-C
 * through a shutdown hook. Never by name.
 */
public final class ProcessTracker implements AutoCloseable {
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Thread hook = Interruption.hook("netscale-process-cleanup", this::endAll);

    public ProcessTracker() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        live.add(p);
        return p;
    }

    /** Ends a process and any children it started, then waits for it; returns its status. */
    public int end(Process p) {
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        try {
            boolean gone = p.waitFor(30, TimeUnit.SECONDS);
            live.remove(p);
            return gone ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public void endAll() {
        List.copyOf(live).forEach(this::end);
    }

    public int liveCount() {
        return (int) live.stream().filter(Process::isAlive).count();
    }

    @Override
    public void close() {
        endAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }
}
