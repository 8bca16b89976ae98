package dev.netscale.measure;

import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.resources.CpuSetUse;
import dev.netscale.resources.ResourceUse;
import dev.netscale.resources.TaskReading;
import dev.netscale.results.ResourceFigures;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a probe read over a trial's window into per-message figures: the receiver's CPU
 * time per message (netperf calls it service demand), the cores it kept busy, its context
 * switches per message and its busiest threads; the senders' CPU per message; and whether the
 * senders ran out of CPU.
 */
final class ResourceAnalysis {

    /**
     * A senders' CPU set at least this busy over the window marks the trial sender-limited:
     * the senders, not the receiver, may have set its throughput.
     */
    static final double SENDER_LIMITED_BUSY_SHARE = 0.90;
    /**
     * A reading is exact to one unit (a 10 ms clock tick for a process and for /proc/stat),
     * so a window's figure is exact to two; fewer than this many units makes it uncertain by
     * more than 10%.
     */
    static final int MIN_UNITS = 20;

    private ResourceAnalysis() {
    }

    /**
     * @param messages measured messages the receiver counted in the window
     * @param warmupMessages warm-up messages of the trial, which the senders' CPU time also
     *     covers
     */
    static ResourceFigures of(Trial trial, Optional<ResourceUse> probed,
            List<SenderReport> senders, long messages, long warmupMessages) {
        double senderMicros = senders.stream()
                .mapToDouble(s -> s.cpuUserMicros() + s.cpuSystemMicros()).sum();
        double senderPerMessage = senderMicros > 0 && messages + warmupMessages > 0
                ? senderMicros / (messages + warmupMessages) : Double.NaN;
        if (probed.isEmpty() || messages <= 0) {
            return new ResourceFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, List.of(),
                    Double.NaN, senderPerMessage, Double.NaN, false, "", Double.NaN);
        }
        ResourceUse use = probed.get();
        int receiverCpus = trial.receiverCpus().cardinality();
        CpuSetUse senderSet = use.senderCpuSet();
        // With shared CPUs a busy set says nothing about which side ran out of CPU.
        boolean senderLimited = !Planner.overlaps(trial)
                && senderSet.busyShare() >= SENDER_LIMITED_BUSY_SHARE;
        List<ResourceFigures.ThreadShare> busiest = use.threads().stream()
                .limit(ResourceFigures.MAX_THREADS)
                .map(t -> new ResourceFigures.ThreadShare(t.name(), share(t, use)))
                .toList();
        return new ResourceFigures(
                use.cpu().userNanos() / 1e6,
                use.cpu().systemNanos() / 1e6,
                use.cpu().totalNanos() / 1e3 / messages,
                use.coresBusy(),
                receiverCpus > 0 ? use.coresBusy() / receiverCpus : Double.NaN,
                use.receiverCpuSet().busyShare(),
                use.receiverCpuSet().cpus() > 0
                        ? use.receiverCpuSet().busyNanos() / 1e3 / messages : Double.NaN,
                use.threadsPeak(),
                (double) use.voluntarySwitches() / messages,
                (double) use.involuntarySwitches() / messages,
                busiest,
                use.threadCpuCoverage(),
                senderPerMessage,
                senderSet.busyShare(),
                senderLimited,
                use.source(),
                use.probeCpuNanos() >= 0 ? use.probeCpuNanos() / 1e6 : Double.NaN);
    }

    /**
     * Readings whose window is longer than the receiver's measured phase by more than this
     * factor dilute every share of wall time enough to say so.
     */
    static final double WIDE_PROBE_FACTOR = 1.25;

    /**
     * Whether the probe's window, which holds the measured phase with idle margins (the hold
     * before the release, the wait for the done line to reach the runner), is so much longer
     * than the phase that shares of wall time read low. The phase runs from the release (or
     * the first measured message, if earlier) to the last measured message, by the receiver's
     * clock: only its length is compared, so the two clocks need not agree.
     */
    static boolean wideProbe(Optional<ResourceUse> probed, long phaseNanos) {
        return phaseNanos > 0 && probed.filter(u -> u.windowNanos()
                > WIDE_PROBE_FACTOR * phaseNanos).isPresent();
    }

    /**
     * Whether the receiver's CPU time, or its CPU set's busy time, was too few clock ticks to
     * be read to 10%.
     */
    static boolean coarse(Optional<ResourceUse> probed) {
        return probed.filter(u -> u.cpu().totalNanos() < MIN_UNITS * u.cpuResolutionNanos()
                || u.receiverCpuSet().totalNanos()
                        < MIN_UNITS * ResourceUse.cpuSetResolutionNanos()).isPresent();
    }

    private static double share(TaskReading t, ResourceUse use) {
        return use.windowNanos() > 0 ? (double) t.cpuNanos() / use.windowNanos() : Double.NaN;
    }
}
