package dev.netscale.stats;

import java.util.Arrays;

/**
 * Mean, sample standard deviation and two-sided 95% confidence interval of the mean of a few
 * repetitions.
 *
 * <p>Repetitions are few (often 3 to 5), so the interval uses Student's t with {@code n - 1}
 * degrees of freedom rather than the normal 1.96. With one value there is no spread to
 * estimate: the standard deviation and both interval ends are NaN, never a zero-width interval.
 * With no values everything is NaN.
 *
 * @param n number of finite values the statistics were computed from
 * @param sd sample standard deviation (divisor {@code n - 1})
 */
public record Sample(int n, double mean, double sd, double ci95Low, double ci95High) {

    public static final double CONFIDENCE = 0.95;

    /** Summarises the finite values; NaN and infinite values are left out of {@code n}. */
    public static Sample of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Sample(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(finite).sum() / n;
        if (n == 1) {
            return new Sample(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }

        // Two passes: summing squared deviations from the mean loses less precision than
        // the one-pass sum of squares when throughputs are large and close together.
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = StudentT.twoSidedCriticalValue(CONFIDENCE, n - 1) * sd / Math.sqrt(n);
        return new Sample(n, mean, sd, mean - half, mean + half);
    }

    /** Standard error of the mean, {@code sd / sqrt(n)}; NaN with fewer than two values. */
    public double standardError() {
        return sd / Math.sqrt(n);
    }

    /** Half the width of the 95% interval; NaN when there is no interval. */
    public double ci95HalfWidth() {
        return (ci95High - ci95Low) / 2;
    }

    /** Whether a 95% interval could be computed (at least two values). */
    public boolean hasInterval() {
        return !Double.isNaN(ci95Low);
    }
}
