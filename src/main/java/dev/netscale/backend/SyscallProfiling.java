package dev.netscale.backend;

import dev.netscale.plan.Trial;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Path;

/**
 * A backend that can count a receiver's system calls: {@code strace -c -f} attached to the
 * receiver from its ready line to its done line. Tracing slows every call down, so a traced
 * trial is an extra trial whose throughput means nothing; only its counts are used.
 */
public interface SyscallProfiling {

    /**
     * Runs one trial like {@link Backend#run}, with the receiver traced; the counts are in
     * {@link TrialOutput#syscalls()}. Never throws for a trial that went wrong.
     */
    TrialOutput runTraced(ExperimentSpec spec, Trial trial, Path logs);
}
