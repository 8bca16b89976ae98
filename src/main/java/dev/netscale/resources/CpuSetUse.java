package dev.netscale.resources;

/**
 * How busy a set of CPUs was over a window, from {@code /proc/stat}.
 *
 * @param cpus how many CPUs of the set were counted
 * @param busyNanos summed busy time of those CPUs
 * @param totalNanos summed time of those CPUs (about cpus x window), busy or not
 */
public record CpuSetUse(int cpus, long busyNanos, long totalNanos) {

    public static final CpuSetUse NONE = new CpuSetUse(0, 0, 0);

    /** Busy time over total time, from 0 to 1; NaN when nothing was counted. */
    public double busyShare() {
        return totalNanos > 0 ? (double) busyNanos / totalNanos : Double.NaN;
    }
}
