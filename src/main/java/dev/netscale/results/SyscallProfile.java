package dev.netscale.results;

import dev.netscale.resources.StraceSummary.Syscall;
import java.util.List;

/**
 * The system calls of one receiver in one traced trial: an extra trial, run only to count
 * (tracing slows every call down, so its throughput is never used). One receiver has at most
 * one profile per run.
 *
 * @param method how strace ran: {@code attach} or {@code wrap} (see
 *     {@link dev.netscale.resources.SyscallCounts})
 * @param messages the messages the receiver handled while traced: measured and warm-up
 * @param failure why the traced trial could not be counted; empty when it was
 * @param syscalls one row per kind, most called first; empty when it failed
 */
public record SyscallProfile(String receiver, String runtime, String compiler, int senders,
        String method, long messages, String failure, String logs, List<Syscall> syscalls) {

    public boolean ok() {
        return failure == null || failure.isEmpty();
    }

    /** Calls of {@code name} per message; 0 for a kind the receiver never called. */
    public double perMessage(String name) {
        if (messages <= 0) {
            return Double.NaN;
        }
        return syscalls.stream().filter(s -> s.name().equals(name)).mapToLong(Syscall::calls)
                .sum() / (double) messages;
    }

    /** Every call per message. */
    public double totalPerMessage() {
        return messages > 0 ? syscalls.stream().mapToLong(Syscall::calls).sum()
                / (double) messages : Double.NaN;
    }
}
