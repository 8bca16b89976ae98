package dev.netscale.results;

import dev.netscale.stats.Ratio;
import dev.netscale.stats.RttPercentiles;
import dev.netscale.stats.Sample;
import java.util.List;

/**
 * What one point (one receiver at one sender count) measured over its repetitions: one row of
 * {@code summary.csv}. Only trials that succeeded are aggregated; failed ones are counted and
 * their reasons kept, so that a point with failures is never shown as clean.
 *
 * <p>Throughputs are messages per second. Means of the secondary measures (active throughput,
 * effective concurrency, sender throughput) are plain means of the successful trials, NaN when
 * there are none.
 *
 * @param throughput the per-trial throughputs of the successful trials
 * @param ratioToFirst throughput over the same receiver's point at {@code firstSenders}
 * @param firstSenders the receiver's smallest sender count with a successful trial (usually 1)
 * @param baseline the receiver id {@code ratioToBaseline} divides by; null when there is none
 * @param ratioToBaseline throughput over the baseline receiver's at the same sender count;
 *     {@link Ratio#NONE} when there is no baseline or it has no such point
 * @param receiverThreads the largest number of receiver threads a successful trial reported
 * @param receiverCpus the receiver's CPU set as the kernel reported it (the requested one where
 *     that is missing); distinct values joined by {@code |}
 * @param senderCpus the senders' CPU sets, read the same way
 * @param failures the failure reasons of the failed trials, in trial order
 * @param resources the CPU figures of the successful trials
 */
public record PointSummary(
        String receiver,
        String runtime,
        String compiler,
        int senders,
        int okTrials,
        int failedTrials,
        Sample throughput,
        Ratio ratioToFirst,
        int firstSenders,
        String baseline,
        Ratio ratioToBaseline,
        double activeThroughputMean,
        double effectiveConcurrencyMean,
        double senderThroughputMean,
        RttPercentiles rtt,
        int receiverThreads,
        String receiverCpus,
        String senderCpus,
        List<String> failures,
        ResourceSummary resources) {

    public PointKey point() {
        return new PointKey(receiver, senders);
    }
}
