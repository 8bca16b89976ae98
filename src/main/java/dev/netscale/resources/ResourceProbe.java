package dev.netscale.resources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;

/**
 * Measures what a receiver uses over a trial's measured window. A backend starts a probe when
 * the receiver prints {@code released} and finishes it when the receiver prints {@code done};
 * the receiver then waits to be told to exit, so the process is still there to be read.
 *
 * <pre>{@code
 * ResourceProbe probe = ResourceProbe.start(ProbeTarget.process(pid), receiverCpus, senderCpus);
 * ... await the done line ...
 * ResourceUse use = probe.finish();
 * }</pre>
 *
 * Between the two readings the receiver's threads are sampled on a background thread, since
 * the kernel forgets the counters of a thread when it exits (see {@link TaskSampler}).
 */
public interface ResourceProbe extends AutoCloseable {

    /** The shortest pause between two samples of the receiver's threads. */
    Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(10);

    /**
     * Reads the receiver's CPU time, its threads and {@code /proc/stat} now, and starts
     * sampling the threads.
     *
     * @param receiverCpus the receiver's CPU set, for its busy share
     * @param senderCpus the senders' CPU set, for theirs
     * @throws IllegalStateException when the receiver's CPU time cannot be read (it exited,
     *     or the cgroup is gone)
     */
    static ResourceProbe start(ProbeTarget target, BitSet receiverCpus, BitSet senderCpus) {
        return new ProcResourceProbe(Path.of("/proc"), target, receiverCpus, senderCpus,
                MIN_SAMPLE_INTERVAL);
    }

    /**
     * Reads everything again, stops sampling and returns the use over the window.
     *
     * @throws IllegalStateException when the receiver's CPU time cannot be read
     */
    ResourceUse finish();

    /** Stops sampling without a result, for a trial that broke off. Safe to call twice. */
    @Override
    void close();
}
