package dev.netscale.resources;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Another process's CPU clock, as POSIX gives it: {@code clock_getcpuclockid(pid)} and
 * {@code clock_gettime} on the clock it names. On Linux that clock is the sum of the
 * scheduler's run time of every thread of the process, those that exited included, in
 * nanoseconds; {@code /proc/PID/stat} holds the same sum rounded down to 10 ms clock ticks
 * (kernel/time/posix-cpu-timers.c, {@code cpu_clock_sample_group}; fs/proc/array.c, {@code
 * do_task_stat}). Linux lets any process read another's process clock; no privilege is needed.
 *
 * <p>Called through the Foreign Function API from the C library netscale already runs on.
 * Where the library or the call is not there, {@link #of} is empty and the caller counts in
 * clock ticks instead.
 */
final class ProcessCpuClock {
    /** {@code struct timespec} on 64-bit Linux: two longs. */
    private static final MemoryLayout TIMESPEC = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_nsec"));
    private static final MethodHandle GET_CPU_CLOCK_ID;
    private static final MethodHandle GET_TIME;

    static {
        MethodHandle id = null;
        MethodHandle time = null;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            // int clock_getcpuclockid(pid_t pid, clockid_t *clock): 0 or an error number
            id = libc.find("clock_getcpuclockid").map(a -> linker.downcallHandle(a,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS))).orElse(null);
            // int clock_gettime(clockid_t clock, struct timespec *tp): 0, or -1 and errno
            time = libc.find("clock_gettime").map(a -> linker.downcallHandle(a,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS))).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            // No native access here (another platform, or access denied): ticks it is.
            id = null;
            time = null;
        }
        GET_CPU_CLOCK_ID = id;
        GET_TIME = time;
    }

    private final long pid;
    private final int clockId;

    private ProcessCpuClock(long pid, int clockId) {
        this.pid = pid;
        this.clockId = clockId;
    }

    /** The CPU clock of process {@code pid}, when it exists and can be read now. */
    static Optional<ProcessCpuClock> of(long pid) {
        if (GET_CPU_CLOCK_ID == null || GET_TIME == null || pid <= 0
                || pid > Integer.MAX_VALUE || !"Linux".equals(System.getProperty("os.name"))) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_INT);
            int err = (int) GET_CPU_CLOCK_ID.invokeExact((int) pid, out);
            if (err != 0) {
                return Optional.empty();
            }
            ProcessCpuClock clock = new ProcessCpuClock(pid, out.get(ValueLayout.JAVA_INT, 0));
            return clock.nanos().isPresent() ? Optional.of(clock) : Optional.empty();
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** The process's CPU time so far; empty once it has exited. */
    OptionalLong nanos() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(TIMESPEC);
            int status = (int) GET_TIME.invokeExact(clockId, ts);
            if (status != 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L
                    + ts.get(ValueLayout.JAVA_LONG, 8));
        } catch (Throwable e) {
            return OptionalLong.empty();
        }
    }

    long pid() {
        return pid;
    }
}
