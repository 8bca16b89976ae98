package dev.netscale.check;

import dev.netscale.check.Outcome.Verdict;
import dev.netscale.results.PointKey;
import dev.netscale.spec.Expectation;
import dev.netscale.stats.Levelling;
import dev.netscale.stats.Ratio;
import dev.netscale.stats.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a spec's expectations against the run recorded in a results folder. Each
 * expectation gets exactly one verdict: an expectation whose host requirement the run did not
 * meet is not applicable, one the run holds no data for is not measured, and only the others
 * pass or fail.
 */
public final class Checks {
    private Checks() {
    }

    /** Every expectation of the run's spec, in the spec's order. */
    public static List<Outcome> evaluate(MeasuredRun run) {
        return run.spec().expectations().stream().map(e -> evaluate(run, e)).toList();
    }

    static Outcome evaluate(MeasuredRun run, Expectation e) {
        Optional<Outcome> notApplicable = hostTooSmall(run, e);
        if (notApplicable.isPresent()) {
            return notApplicable.get();
        }
        return switch (e) {
            case Expectation.RatioAt r -> ratioAt(run, r);
            case Expectation.StopsGrowingAt s -> stopsGrowingAt(run, s);
            case Expectation.CpuPerMessageAbove c -> cpuAbove(run, c);
        };
    }

    private static Optional<Outcome> hostTooSmall(MeasuredRun run, Expectation e) {
        if (e.minReceiverCpus() == 0) {
            return Optional.empty();
        }
        int cpus = run.receiverCpus(e.receiver());
        if (cpus == 0) {
            return Optional.of(new Outcome(e, Verdict.NOT_MEASURED, "the run recorded no"
                    + " receiver CPU set for " + e.receiver() + ", so the host requirement of "
                    + plural(e.minReceiverCpus(), "receiver CPU") + " cannot be judged"));
        }
        if (cpus < e.minReceiverCpus()) {
            return Optional.of(new Outcome(e, Verdict.NOT_APPLICABLE, "needs "
                    + plural(e.minReceiverCpus(), "receiver CPU") + "; this run gave "
                    + e.receiver() + " " + cpus));
        }
        return Optional.empty();
    }

    private static Outcome ratioAt(MeasuredRun run, Expectation.RatioAt e) {
        Optional<Integer> first = firstMeasured(run, e.receiver());
        Sample at = run.throughput(new PointKey(e.receiver(), e.senders()));
        if (first.isEmpty() || at.n() == 0) {
            return noData(e, e.receiver() + " has no successful trial"
                    + (first.isEmpty() ? "" : " at " + senders(e.senders())));
        }
        Ratio ratio = Ratio.of(at, run.throughput(new PointKey(e.receiver(), first.get())));
        boolean pass = e.min().orElse(Double.NEGATIVE_INFINITY) <= ratio.value()
                && ratio.value() <= e.max().orElse(Double.POSITIVE_INFINITY);
        String detail = "throughput at " + senders(e.senders()) + " is "
                + ratio(ratio) + " times that at " + senders(first.get())
                + interval(ratio) + " (" + at.n() + " successful trials)";
        return new Outcome(e, pass ? Verdict.PASS : Verdict.FAIL, detail);
    }

    private static Outcome stopsGrowingAt(MeasuredRun run, Expectation.StopsGrowingAt e) {
        Map<Integer, Sample> curve = run.curve(e.receiver());
        Optional<Integer> first = firstMeasured(run, e.receiver());
        if (first.isEmpty()) {
            return noData(e, e.receiver() + " has no successful trial");
        }
        double base = curve.get(first.get()).mean();
        int[] senders = curve.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] ratios = curve.values().stream().mapToDouble(s -> s.n() > 0 ? s.mean() / base
                : Double.NaN).toArray();
        Optional<Levelling> l = Levelling.of(senders, ratios, Levelling.TOLERANCE);
        if (l.isEmpty() || senders.length < 3) {
            return noData(e, e.receiver() + " has fewer than 3 measured sender counts");
        }
        Levelling lv = l.get();
        boolean near = Math.abs(lv.stopsAtSenders() - e.senders()) <= e.tolerance();
        boolean pass = near && lv.stopsAtSenders() < lv.largestSenders();
        String detail = lv.stopsAtSenders() < lv.largestSenders()
                ? "stops growing at " + senders(lv.stopsAtSenders()) + " (at most "
                        + percent(Levelling.TOLERANCE) + " more beyond it); ratio there "
                        + ratio(ratios[indexOf(senders, lv.stopsAtSenders())])
                : "still growing at its largest count, " + senders(lv.largestSenders());
        detail += "; largest ratio " + ratio(lv.maxRatio()) + " at "
                + senders(lv.maxAtSenders());
        return new Outcome(e, pass ? Verdict.PASS : Verdict.FAIL, detail);
    }

    private static Outcome cpuAbove(MeasuredRun run, Expectation.CpuPerMessageAbove e) {
        if (run.cpuColumn().isEmpty()) {
            return noData(e, "trials.csv has no receiver CPU-per-message column; the netscale"
                    + " that recorded this run did not measure it");
        }
        List<String> below = new ArrayList<>();
        double smallestFactor = Double.POSITIVE_INFINITY;
        int compared = 0;
        for (int senders : run.senders(e.receiver())) {
            Sample mine = run.cpuPerMessage(new PointKey(e.receiver(), senders));
            Sample theirs = run.cpuPerMessage(new PointKey(e.other(), senders));
            if (mine.n() == 0 || theirs.n() == 0) {
                continue;
            }
            compared++;
            smallestFactor = Math.min(smallestFactor, mine.mean() / theirs.mean());
            if (!(mine.mean() > theirs.mean())) {
                below.add(String.format(Locale.ROOT, "%s (%.3g vs %.3g)",
                        senders(senders), mine.mean(), theirs.mean()));
            }
        }
        if (compared == 0) {
            return noData(e, "no sender count has CPU per message for both " + e.receiver()
                    + " and " + e.other());
        }
        String counts = plural(compared, "sender count");
        return below.isEmpty()
                ? new Outcome(e, Verdict.PASS, String.format(Locale.ROOT, "above at all %s;"
                        + " at least %.2f times %s's", counts, smallestFactor, e.other()))
                : new Outcome(e, Verdict.FAIL, "not above " + e.other() + "'s at "
                        + String.join(", ", below) + " of " + counts);
    }

    /** The smallest sender count with a successful trial: the denominator of every ratio. */
    private static Optional<Integer> firstMeasured(MeasuredRun run, String receiver) {
        return run.senders(receiver).stream()
                .filter(s -> run.throughput(new PointKey(receiver, s)).n() > 0).findFirst();
    }

    private static Outcome noData(Expectation e, String why) {
        return new Outcome(e, Verdict.NOT_MEASURED, why);
    }

    private static String interval(Ratio r) {
        return r.hasInterval() ? String.format(Locale.ROOT, ", 95%% CI %.2f to %.2f",
                r.ci95Low(), r.ci95High()) : "";
    }

    private static String ratio(Ratio r) {
        return ratio(r.value());
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    static String senders(int count) {
        return plural(count, "sender");
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
