package dev.netscale.backend;

import dev.netscale.resources.ResourceUse;
import dev.netscale.resources.SyscallCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a backend collected from one trial, before any judgement: the programs' output, exit
 * codes, the CPU sets the kernel really gave them, and why the trial broke off, if it did.
 *
 * @param failure set when the backend itself had to end the trial (timeout, a process that
 *     died, a container that could not start)
 * @param receiverExit the receiver's exit status, or -1 when it had to be ended
 * @param receiverCpusActual the receiver's allowed-CPU list read from the kernel
 * @param setupMillis from starting the receiver until the measured phase was released
 * @param trialMillis from the release until the receiver's done line
 * @param resources what the receiver used over its measured phase (see {@link TrialSteps}),
 *     read by a {@link dev.netscale.resources.ResourceProbe}; empty when it could not be read
 *     (the trial broke off first, or the backend does not probe)
 * @param syscalls the receiver's system calls, for a traced trial only
 */
public record TrialOutput(List<String> receiverLines, int receiverExit, List<SenderOutput> senders,
        Optional<String> failure, String receiverCpusActual, long setupMillis, long trialMillis,
        Path logs, Optional<ResourceUse> resources, Optional<SyscallCounts> syscalls) {

    /** An output without resource readings or system call counts. */
    public TrialOutput(List<String> receiverLines, int receiverExit, List<SenderOutput> senders,
            Optional<String> failure, String receiverCpusActual, long setupMillis,
            long trialMillis, Path logs) {
        this(receiverLines, receiverExit, senders, failure, receiverCpusActual, setupMillis,
                trialMillis, logs, Optional.empty(), Optional.empty());
    }

    /** One sender process (or container) and the connections it opened. */
    public record SenderOutput(int index, List<String> lines, int exitCode, String cpusActual) {
    }
}
