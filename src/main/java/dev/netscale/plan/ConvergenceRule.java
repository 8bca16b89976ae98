package dev.netscale.plan;

import dev.netscale.results.PointKey;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec.Convergence;
import dev.netscale.stats.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When {@code repetitions: auto} stops repeating a point, after netperf's confidence mode
 * ({@code -I 99,5 -i 10,3}: at least 3 and at most 10 iterations, until the result is within
 * +-2.5% of the mean at 99% confidence; Rick Jones, netperf-talk, June 2006). Here the level is
 * 95% like every other interval netscale reports, and the target is the half-width: 5% means
 * +-5%, where netperf's 5 means +-2.5%.
 *
 * <p>A point has converged when at least {@code min} of its trials succeeded and the half-width
 * of the Student's t 95% interval of their mean throughput is at most {@code target} times that
 * mean. Failed trials count as repetitions but not as values, so a point that keeps failing
 * still stops at {@code max} repetitions.
 */
public final class ConvergenceRule {
    private ConvergenceRule() {
    }

    /** Whether a point with these successful throughputs needs no more repetitions. */
    public static boolean converged(Convergence rule, Sample throughput) {
        return throughput.n() >= rule.min() && throughput.hasInterval()
                && relativeHalfWidth(throughput) <= rule.target();
    }

    /** The interval's half-width as a share of the mean; NaN without an interval. */
    public static double relativeHalfWidth(Sample s) {
        return s.hasInterval() ? s.ci95HalfWidth() / Math.abs(s.mean()) : Double.NaN;
    }

    /**
     * A point whose trials, as recorded, do not meet the rule.
     *
     * @param repetitions the point's trials, failed ones included
     * @param relativeHalfWidth what was reached; NaN with fewer than two successful trials
     */
    public record Unconverged(PointKey point, int repetitions, int ok,
            double relativeHalfWidth, double target) {

        /** For example "wasmer at 4 senders: +-7.2% after 10 repetitions (target +-5%)". */
        public String describe() {
            String reached = Double.isNaN(relativeHalfWidth)
                    ? "no interval (" + ok + " successful)"
                    : String.format(Locale.ROOT, "+-%.1f%%", relativeHalfWidth * 100);
            return String.format(Locale.ROOT, "%s at %d sender%s: %s after %d repetition%s"
                    + " (target +-%s%%)", point.receiver(), point.senders(),
                    point.senders() == 1 ? "" : "s", reached, repetitions,
                    repetitions == 1 ? "" : "s", percent(target));
        }
    }

    /** Every point of {@code trials} that does not meet the rule, in the order first seen. */
    public static List<Unconverged> unconverged(Convergence rule, List<TrialRecord> trials) {
        Map<PointKey, List<TrialRecord>> points = new LinkedHashMap<>();
        trials.forEach(t -> points.computeIfAbsent(t.point(), k -> new ArrayList<>()).add(t));
        List<Unconverged> out = new ArrayList<>();
        points.forEach((point, list) -> {
            Sample s = throughput(list);
            if (!converged(rule, s)) {
                out.add(new Unconverged(point, list.size(), s.n(), relativeHalfWidth(s),
                        rule.target()));
            }
        });
        return out;
    }

    /** The throughputs of the successful trials among {@code trials}. */
    public static Sample throughput(List<TrialRecord> trials) {
        return Sample.of(trials.stream().filter(TrialRecord::ok)
                .mapToDouble(TrialRecord::throughput).toArray());
    }

    private static String percent(double share) {
        double p = share * 100;
        return p == Math.rint(p) ? Long.toString((long) p)
                : String.format(Locale.ROOT, "%.1f", p);
    }
}
