package dev.netscale.resources;

import java.util.List;
import java.util.Optional;

/**
 * What a receiver used over the probe's window, which holds the trial's measured phase: it
 * opens while the receiver holds its release (or before the senders start, for a staggered
 * start) and closes when its {@code done} line is read. Also how busy the receiver's and the
 * senders' CPU sets were meanwhile.
 * Raw amounts only; per-message figures are the analysis's, which knows the messages.
 *
 * @param source where the CPU time came from: {@code proc-clock} (the process's CPU clock,
 *     split into user and system time by its stat line), {@code proc} (the stat line alone,
 *     where the clock cannot be read), {@code cgroup-v1} or {@code cgroup-v2} (the container's
 *     cgroup)
 * @param windowNanos wall time between the two readings
 * @param cpu the receiver's CPU time over the window, threads that exited included
 * @param receiverCpuSet how busy the receiver's CPU set was, whoever used it
 * @param senderCpuSet how busy the senders' CPU set was, whoever used it
 * @param threadsPeak the most OS threads (tasks) one sample found
 * @param threads each thread seen, with what it used in the window, busiest first; a thread
 *     that exited is counted up to its last sample
 * @param samples how many times the threads were read
 * @param probeCpuNanos CPU time the probe itself spent reading, in the runner's process; -1
 *     when the JVM cannot tell
 * @param cpuResolutionNanos the unit {@code cpu} is counted in at each reading: a clock tick
 *     (10 ms) for a process's stat line, a nanosecond for its CPU clock, a nanosecond or
 *     microsecond for a cgroup
 */
public record ResourceUse(
        String source,
        long windowNanos,
        CpuTime.CpuUse cpu,
        CpuSetUse receiverCpuSet,
        CpuSetUse senderCpuSet,
        int threadsPeak,
        List<TaskReading> threads,
        int samples,
        long probeCpuNanos,
        long cpuResolutionNanos) {

    /** The unit of {@code /proc/stat}, and so of the CPU sets' busy time: a clock tick. */
    public static long cpuSetResolutionNanos() {
        return ClockTicks.toNanos(1);
    }

    public long voluntarySwitches() {
        return threads.stream().mapToLong(TaskReading::voluntarySwitches).sum();
    }

    public long involuntarySwitches() {
        return threads.stream().mapToLong(TaskReading::involuntarySwitches).sum();
    }

    /**
     * CPU time over the probe's window: how many cores the receiver kept busy on average. The
     * window's margins (the hold, the wait for the done line) are in both.
     */
    public double coresBusy() {
        return windowNanos > 0 ? (double) cpu.totalNanos() / windowNanos : Double.NaN;
    }

    public Optional<TaskReading> busiestThread() {
        return threads.stream().findFirst();
    }

    /** The busiest thread's CPU time over wall time: 1 is one core kept busy all along. */
    public double busiestThreadCoreShare() {
        return busiestThread().filter(t -> windowNanos > 0)
                .map(t -> (double) t.cpuNanos() / windowNanos).orElse(Double.NaN);
    }

    /**
     * The threads' summed CPU time over the receiver's: near 1 when the samples saw
     * everything, lower when threads exited between samples, so that per-thread figures
     * (busiest thread, context switches) are lower bounds.
     */
    public double threadCpuCoverage() {
        long sum = threads.stream().mapToLong(TaskReading::cpuNanos).sum();
        return cpu.totalNanos() > 0 ? (double) sum / cpu.totalNanos() : Double.NaN;
    }
}
