package dev.netscale.results;

import dev.netscale.spec.CpuSet;
import dev.netscale.stats.Sample;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The CPU figures of one point (one receiver at one sender count) over its successful trials:
 * plain means, except CPU per message and the receiver's share of its CPU set, which carry
 * their 95% intervals for the charts. A trial whose resources were not measured is left out;
 * {@code measuredTrials} says how many were in.
 *
 * @param busiestThreadName the name most often at the top of the trials' busiest threads
 * @param secondThreadCoreShareMean the mean share of one core of each trial's second busiest
 *     thread; NaN when the trials had one thread
 * @param senderLimitedTrials how many trials were sender-limited
 * @param receiverCpuCount the size of the receiver's CPU set
 */
public record ResourceSummary(
        int measuredTrials,
        Sample receiverCpuMicrosPerMessage,
        Sample receiverCoresShare,
        double receiverCoresBusyMean,
        double receiverCpuUserMillisMean,
        double receiverCpuSystemMillisMean,
        double receiverCpusetBusyShareMean,
        double receiverCpusetMicrosPerMessageMean,
        int receiverThreadsOsMax,
        double voluntarySwitchesPerMessageMean,
        double involuntarySwitchesPerMessageMean,
        String busiestThreadName,
        double busiestThreadCoreShareMean,
        double secondThreadCoreShareMean,
        double threadCpuCoverageMean,
        double senderCpuMicrosPerMessageMean,
        double senderCpusetBusyShareMean,
        int senderLimitedTrials,
        int receiverCpuCount) {

    /** Summarises the successful trials of one point. */
    public static ResourceSummary of(List<TrialRecord> ok) {
        List<ResourceFigures> measured = ok.stream().map(TrialRecord::resources)
                .filter(ResourceFigures::measured).toList();
        List<ResourceFigures> all = ok.stream().map(TrialRecord::resources).toList();
        return new ResourceSummary(
                measured.size(),
                sample(measured, ResourceFigures::receiverCpuMicrosPerMessage),
                sample(measured, ResourceFigures::receiverCoresShare),
                mean(measured, ResourceFigures::receiverCoresBusy),
                mean(measured, ResourceFigures::receiverCpuUserMillis),
                mean(measured, ResourceFigures::receiverCpuSystemMillis),
                mean(measured, ResourceFigures::receiverCpusetBusyShare),
                mean(measured, ResourceFigures::receiverCpusetMicrosPerMessage),
                measured.stream().mapToInt(ResourceFigures::receiverThreadsOs).max().orElse(0),
                mean(measured, ResourceFigures::receiverVoluntarySwitchesPerMessage),
                mean(measured, ResourceFigures::receiverInvoluntarySwitchesPerMessage),
                mostFrequentBusiest(measured),
                mean(measured, ResourceFigures::busiestThreadCoreShare),
                mean(measured, f -> f.busiestThreads().size() > 1
                        ? f.busiestThreads().get(1).coreShare() : Double.NaN),
                mean(measured, ResourceFigures::threadCpuCoverage),
                mean(all, ResourceFigures::senderCpuMicrosPerMessage),
                mean(measured, ResourceFigures::senderCpusetBusyShare),
                (int) measured.stream().filter(ResourceFigures::senderLimited).count(),
                ok.stream().mapToInt(ResourceSummary::cpuCount).max().orElse(0));
    }

    private static int cpuCount(TrialRecord t) {
        try {
            return CpuSet.parseList(t.receiverCpus()).cardinality();
        } catch (IllegalArgumentException | NullPointerException e) {
            return 0;
        }
    }

    private static String mostFrequentBusiest(List<ResourceFigures> measured) {
        Map<String, Long> counts = measured.stream().map(ResourceFigures::busiestThreadName)
                .filter(n -> !n.isEmpty())
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("");
    }

    private static Sample sample(List<ResourceFigures> list,
            ToDoubleFunction<ResourceFigures> f) {
        return Sample.of(list.stream().mapToDouble(f).toArray());
    }

    private static double mean(List<ResourceFigures> list, ToDoubleFunction<ResourceFigures> f) {
        return sample(list, f).mean();
    }
}
