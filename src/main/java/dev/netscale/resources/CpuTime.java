package dev.netscale.resources;

/**
 * CPU time used since a process or cgroup started: one reading.
 *
 * @param totalNanos user plus system time, as precise as the source gives it (nanoseconds
 *     for a cgroup, clock ticks for a process)
 * @param userNanos user time; with {@code systemNanos}, only the split of the total is used,
 *     since cgroup v1 gives it in clock ticks while the total is in nanoseconds
 */
public record CpuTime(long totalNanos, long userNanos, long systemNanos) {

    /** A process's CPU time from its stat line, threads that exited included. */
    public static CpuTime of(ProcessStat stat) {
        long user = ClockTicks.toNanos(stat.utimeTicks());
        long system = ClockTicks.toNanos(stat.stimeTicks());
        return new CpuTime(user + system, user, system);
    }

    /**
     * The CPU time from {@code before} to {@code after}. The total is the difference of the
     * totals; it is split into user and system time in the proportion of their differences,
     * or not at all (NaN) when neither moved by a tick.
     */
    public static CpuUse between(CpuTime before, CpuTime after) {
        long total = Math.max(0, after.totalNanos - before.totalNanos);
        long user = Math.max(0, after.userNanos - before.userNanos);
        long system = Math.max(0, after.systemNanos - before.systemNanos);
        if (user + system == 0) {
            return new CpuUse(total, total == 0 ? 0 : Double.NaN, total == 0 ? 0 : Double.NaN);
        }
        double userShare = (double) user / (user + system);
        return new CpuUse(total, total * userShare, total * (1 - userShare));
    }

    /** CPU time over a window; user and system are NaN when the split is unknown. */
    public record CpuUse(long totalNanos, double userNanos, double systemNanos) {
    }
}
