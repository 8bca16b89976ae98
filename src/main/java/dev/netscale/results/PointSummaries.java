package dev.netscale.results;

import dev.netscale.stats.Ratio;
import dev.netscale.stats.RttPercentiles;
import dev.netscale.stats.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Aggregates the trials of a run into one {@link PointSummary} per receiver and sender count. */
public final class PointSummaries {

    private PointSummaries() {
    }

    /**
     * Summarises every point, receivers in the order they first appear in {@code trials} (the
     * spec's order) and sender counts ascending.
     *
     * @param baseline receiver id to divide by at each sender count; may be null
     */
    public static List<PointSummary> of(List<TrialRecord> trials, String baseline) {
        Map<String, Map<Integer, List<TrialRecord>>> byReceiver = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            byReceiver.computeIfAbsent(t.receiver(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(t.senders(), s -> new ArrayList<>()).add(t);
        }

        Map<PointKey, Sample> throughput = new LinkedHashMap<>();
        byReceiver.forEach((receiver, points) -> points.forEach((senders, list) -> throughput
                .put(new PointKey(receiver, senders), sample(list, TrialRecord::throughput))));

        List<PointSummary> out = new ArrayList<>();
        byReceiver.forEach((receiver, points) -> {
            int first = points.keySet().stream().sorted()
                    .filter(s -> throughput.get(new PointKey(receiver, s)).n() > 0)
                    .findFirst().orElse(0);
            points.keySet().stream().sorted().forEach(senders -> out.add(summarise(
                    points.get(senders), throughput, first, baseline)));
        });
        return out;
    }

    /** The points grouped by receiver, in the order given. */
    public static Map<String, List<PointSummary>> byReceiver(List<PointSummary> points) {
        Map<String, List<PointSummary>> out = new LinkedHashMap<>();
        points.forEach(p -> out.computeIfAbsent(p.receiver(), r -> new ArrayList<>()).add(p));
        return out;
    }

    private static PointSummary summarise(List<TrialRecord> trials, Map<PointKey, Sample> all,
            int firstSenders, String baseline) {
        TrialRecord any = trials.get(0);
        List<TrialRecord> ok = trials.stream().filter(TrialRecord::ok).toList();
        List<TrialRecord> failed = trials.stream().filter(t -> !t.ok())
                .sorted(Comparator.comparingInt(TrialRecord::trial)).toList();
        Sample throughput = all.get(any.point());

        Ratio toFirst = any.senders() == firstSenders
                ? (throughput.n() > 0 ? Ratio.exact(1) : Ratio.NONE)
                : divide(throughput, all.get(new PointKey(any.receiver(), firstSenders)));
        Ratio toBaseline = baseline == null ? Ratio.NONE
                : any.receiver().equals(baseline)
                        ? (throughput.n() > 0 ? Ratio.exact(1) : Ratio.NONE)
                        : divide(throughput, all.get(new PointKey(baseline, any.senders())));

        return new PointSummary(any.receiver(), any.runtime(), any.compiler(), any.senders(),
                ok.size(), failed.size(), throughput, toFirst, firstSenders, baseline, toBaseline,
                mean(ok, TrialRecord::activeThroughput),
                mean(ok, TrialRecord::effectiveConcurrency),
                mean(ok, TrialRecord::senderThroughput),
                rtt(any, ok),
                ok.stream().mapToInt(TrialRecord::receiverThreads).max().orElse(0),
                cpus(trials, TrialRecord::receiverCpusActual, TrialRecord::receiverCpus),
                cpus(trials, TrialRecord::senderCpusActual, TrialRecord::senderCpus),
                failed.stream().map(t -> Objects.requireNonNullElse(t.failure(), "")).toList(),
                ResourceSummary.of(ok));
    }

    private static RttPercentiles rtt(TrialRecord point, List<TrialRecord> ok) {
        try {
            return RttPercentiles.merge(ok.stream().map(TrialRecord::rttHistogram).toList());
        } catch (IllegalArgumentException e) {
            throw new ResultsException(point.receiver() + " at " + point.senders()
                    + " senders: a trial's rtt_histogram cannot be read: " + e.getMessage(), e);
        }
    }

    private static Ratio divide(Sample numerator, Sample denominator) {
        return denominator == null ? Ratio.NONE : Ratio.of(numerator, denominator);
    }

    private static Sample sample(List<TrialRecord> trials, ToDoubleFunction<TrialRecord> f) {
        return Sample.of(trials.stream().filter(TrialRecord::ok).mapToDouble(f).toArray());
    }

    private static double mean(List<TrialRecord> ok, ToDoubleFunction<TrialRecord> f) {
        return Sample.of(ok.stream().mapToDouble(f).toArray()).mean();
    }

    /**
     * The CPU sets the trials ran on: what the kernel reported, or what was requested when no
     * trial has a reported set (a trial that failed early may have none).
     */
    public static String cpus(List<TrialRecord> trials, Function<TrialRecord, String> actual,
            Function<TrialRecord, String> requested) {
        String reported = distinct(trials, actual);
        return reported.isEmpty() ? distinct(trials, requested) : reported;
    }

    private static String distinct(List<TrialRecord> trials, Function<TrialRecord, String> f) {
        return trials.stream().map(f).filter(c -> !blank(c)).distinct()
                .collect(Collectors.joining("|"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
