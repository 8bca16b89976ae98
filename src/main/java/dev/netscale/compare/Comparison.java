package dev.netscale.compare;

import dev.netscale.check.MeasuredRun;
import dev.netscale.results.PointKey;
import dev.netscale.stats.Ratio;
import dev.netscale.stats.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Two runs point by point: for every receiver and sender count both measured, B's mean
 * throughput relative to A's, with the ratio's 95% interval, and whether the difference is
 * significant.
 *
 * <p>Each point is tested with Welch's two-sample t-test (two-sided, variances not assumed
 * equal, Welch-Satterthwaite degrees of freedom): B. L. Welch, "The generalization of
 * 'Student's' problem when several different population variances are involved", Biometrika
 * 34 (1947) 28-35; computed by commons-math3's {@link TTest#tTest(double[], double[])}. A
 * comparison of 40 sender counts x 3 receivers makes 120 tests, and at 5% each about six
 * would come out "significant" by chance alone, so the p-values are adjusted with Holm's
 * step-down method, which keeps the chance of any false "significant" at 5% without assuming
 * the tests independent: S. Holm, "A simple sequentially rejective multiple test procedure",
 * Scandinavian Journal of Statistics 6 (1979) 65-70.
 *
 * @param points in A's receiver order, sender counts ascending
 */
public record Comparison(List<Point> points, double alpha) {

    /** The family-wise error rate the adjusted p-values are held to. */
    public static final double ALPHA = 0.05;

    /**
     * One point of both runs.
     *
     * @param ratio B's mean over A's, with its propagated 95% interval
     * @param pValue Welch's two-sided p-value; NaN when either side has fewer than two
     *     successful trials or neither has any spread
     * @param holmP the p-value adjusted for all comparisons with a p-value (Holm)
     */
    public record Point(PointKey key, Sample a, Sample b, Ratio ratio, double pValue,
            double holmP, boolean significant) {

        /** (B - A) / A: +0.10 means B is 10% faster. */
        public double relativeDifference() {
            return ratio.value() - 1;
        }
    }

    public static Comparison of(MeasuredRun a, MeasuredRun b) {
        List<PointKey> keys = Points.common(a, b);
        double[] p = new double[keys.size()];
        List<Sample> sa = new ArrayList<>();
        List<Sample> sb = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            double[] x = values(a, keys.get(i));
            double[] y = values(b, keys.get(i));
            sa.add(Sample.of(x));
            sb.add(Sample.of(y));
            p[i] = welch(x, y);
        }
        double[] holm = holm(p);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(new Point(keys.get(i), sa.get(i), sb.get(i), Ratio.of(sb.get(i), sa.get(i)),
                    p[i], holm[i], holm[i] < ALPHA));
        }
        return new Comparison(out, ALPHA);
    }

    private static double[] values(MeasuredRun run, PointKey key) {
        return run.rows(key).stream().filter(MeasuredRun.Row::ok)
                .mapToDouble(MeasuredRun.Row::throughput).filter(Double::isFinite).toArray();
    }

    /** Welch's two-sided p-value, NaN when it cannot be computed. */
    static double welch(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        if (variance(x) == 0 && variance(y) == 0) {
            // No spread on either side: the t statistic is undefined, not infinitely large.
            return Double.NaN;
        }
        return new TTest().tTest(x, y);
    }

    /**
     * Holm's adjusted p-values: with the m finite p-values sorted ascending, the k-th (from 1)
     * becomes max over j <= k of min(1, (m - j + 1) p_(j)). NaN stays NaN and does not count
     * towards m.
     */
    static double[] holm(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue)
                .toArray();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    private static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    }
}
