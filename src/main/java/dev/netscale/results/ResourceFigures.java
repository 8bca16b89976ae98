package dev.netscale.results;

import java.util.List;

/**
 * What one trial cost in CPU, per message and in all, and how busy it kept the CPU sets: the
 * figures that explain where a receiver stops scaling. Measured from the receiver's
 * {@code released} line to its {@code done} line; a figure that was not measured is NaN (an
 * empty cell), never zero.
 *
 * @param receiverCpuUserMillis the receiver's user CPU time (its process, or its container)
 * @param receiverCpuSystemMillis the receiver's system CPU time
 * @param receiverCpuMicrosPerMessage user plus system CPU time per measured message, the
 *     receiver's side of netperf's service demand
 * @param receiverCoresBusy CPU time over wall time: cores the receiver kept busy on average
 * @param receiverCoresShare {@code receiverCoresBusy} over the size of the receiver's CPU set
 * @param receiverCpusetBusyShare how busy the receiver's CPU set was ({@code /proc/stat}),
 *     whoever used it: includes kernel work charged to no process, such as softirq
 * @param receiverCpusetMicrosPerMessage busy time of the receiver's CPU set per message
 * @param receiverThreadsOs the most OS threads the receiver had at once
 * @param receiverVoluntarySwitchesPerMessage context switches where a thread gave up the CPU
 *     to wait, summed over the receiver's threads, per message
 * @param receiverInvoluntarySwitchesPerMessage context switches where the scheduler took the
 *     CPU from a thread that could have run on, per message
 * @param busiestThreads the busiest threads, busiest first, each with its CPU time over wall
 *     time (1 = one core all along); at most {@link #MAX_THREADS}
 * @param threadCpuCoverage the threads' summed CPU time over the receiver's: below 1 when
 *     threads exited between samples, so that per-thread figures are lower bounds
 * @param senderCpuMicrosPerMessage the sender processes' user plus system CPU time (their
 *     whole run) per message
 * @param senderCpusetBusyShare how busy the senders' CPU set was, whoever used it
 * @param senderLimited whether the senders' CPU set was so busy that the senders, not the
 *     receiver, may have set the throughput
 * @param source where the receiver's CPU time came from: proc, cgroup-v1 or cgroup-v2; empty
 *     when nothing was measured
 * @param probeCpuMillis CPU time the runner spent reading the receiver's threads
 */
public record ResourceFigures(
        double receiverCpuUserMillis,
        double receiverCpuSystemMillis,
        double receiverCpuMicrosPerMessage,
        double receiverCoresBusy,
        double receiverCoresShare,
        double receiverCpusetBusyShare,
        double receiverCpusetMicrosPerMessage,
        int receiverThreadsOs,
        double receiverVoluntarySwitchesPerMessage,
        double receiverInvoluntarySwitchesPerMessage,
        List<ThreadShare> busiestThreads,
        double threadCpuCoverage,
        double senderCpuMicrosPerMessage,
        double senderCpusetBusyShare,
        boolean senderLimited,
        String source,
        double probeCpuMillis) {

    /** How many of the busiest threads a trial keeps. */
    public static final int MAX_THREADS = 4;

    /** Nothing measured. */
    public static final ResourceFigures NONE = new ResourceFigures(Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
            Double.NaN, List.of(), Double.NaN, Double.NaN, Double.NaN, false, "", Double.NaN);

    /** One thread: its name (the kernel's comm, at most 15 characters) and its core share. */
    public record ThreadShare(String name, double coreShare) {
    }

    public String busiestThreadName() {
        return busiestThreads.isEmpty() ? "" : busiestThreads.get(0).name();
    }

    public double busiestThreadCoreShare() {
        return busiestThreads.isEmpty() ? Double.NaN : busiestThreads.get(0).coreShare();
    }

    public boolean measured() {
        return !source.isEmpty();
    }

    /** The threads as one CSV cell: {@code name=0.948; name=0.600}. */
    public String threadsCell() {
        StringBuilder sb = new StringBuilder();
        for (ThreadShare t : busiestThreads) {
            sb.append(sb.isEmpty() ? "" : "; ").append(t.name()).append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", t.coreShare()));
        }
        return sb.toString();
    }

    /** Reads {@link #threadsCell()}; a name may hold spaces and '=', the share follows the last. */
    public static List<ThreadShare> parseThreads(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("; ")).map(part -> {
            int eq = part.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("thread '" + part + "' lacks '=share'");
            }
            return new ThreadShare(part.substring(0, eq), Double.parseDouble(
                    part.substring(eq + 1)));
        }).toList();
    }
}
