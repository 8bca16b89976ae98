package dev.netscale.backend;

/**
 * Whether netscale is being stopped (Ctrl-C, SIGTERM). The backends' shutdown hooks mark it
 * before they end the trial's processes or containers, so that a trial cut short by the stop
 * is not recorded as failed: the runner sees the mark and leaves the trial for
 * {@code run --resume}.
 */
public final class Interruption {
    private static volatile boolean stopping;

    private Interruption() {
    }

    static void markStopping() {
        stopping = true;
    }

    public static boolean stopping() {
        return stopping;
    }

    /** A shutdown hook that marks the stop, then runs the cleanup. */
    public static Thread hook(String name, Runnable cleanup) {
        return new Thread(() -> {
            markStopping();
            cleanup.run();
        }, name);
    }
}
