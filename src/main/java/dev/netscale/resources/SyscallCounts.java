package dev.netscale.resources;

import java.util.List;

/**
 * The receiver's system calls in one traced trial, by kind, as {@code strace -c -f} counted
 * them.
 *
 * @param method how strace ran: {@code attach} ({@code strace -c -f -p PID} from the
 *     receiver's ready line to its done line, so start-up and exit are not counted) or
 *     {@code wrap} (strace started the receiver, so everything from its start is counted)
 * @param syscalls one row per kind, most called first
 */
public record SyscallCounts(String method, List<StraceSummary.Syscall> syscalls) {
    public static final String ATTACH = "attach";
    public static final String WRAP = "wrap";
}
