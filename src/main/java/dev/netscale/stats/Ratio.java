package dev.netscale.stats;

/**
 * The ratio of two independent means, with a propagated two-sided 95% interval.
 *
 * <p>The interval is symmetric around the ratio. It is NaN when either mean comes from fewer
 * than two values, since a spread cannot be propagated that was never measured.
 *
 * @param degreesOfFreedom Welch–Satterthwaite effective degrees of freedom of the interval
 */
public record Ratio(double value, double ci95Low, double ci95High, double degreesOfFreedom) {

    /** A ratio that could not be computed at all (missing or zero denominator). */
    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * A ratio that holds by definition, such as a point divided by itself: it has no
     * uncertainty, so both ends of the interval equal the value.
     */
    public static Ratio exact(double value) {
        return new Ratio(value, value, value, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code numerator.mean / denominator.mean} with its 95% interval.
     *
     * <p>First-order (delta method) propagation for a quotient of independent estimates: the
     * relative standard errors add in quadrature, {@code (u_R/R)^2 = (u_a/a)^2 + (u_b/b)^2},
     * with {@code u = sd / sqrt(n)}. The degrees of freedom of that combined uncertainty are
     * the Welch–Satterthwaite effective ones, {@code nu = (r_a + r_b)^2 / (r_a^2 / (n_a - 1)
     * + r_b^2 / (n_b - 1))} with {@code r = (u/x)^2}. Source: JCGM 100:2008 (GUM), 5.1.6 for
     * the quotient and G.4.1, eq. (G.2b), for the effective degrees of freedom.
     */
    public static Ratio of(Sample numerator, Sample denominator) {
        double a = numerator.mean();
        double b = denominator.mean();
        double value = a / b;
        if (!Double.isFinite(value)) {
            return NONE;
        }
        if (numerator.n() < 2 || denominator.n() < 2) {
            return new Ratio(value, Double.NaN, Double.NaN, Double.NaN);
        }

        double ra = square(numerator.standardError() / a);
        double rb = square(denominator.standardError() / b);
        if (ra + rb == 0) {
            // Identical repetitions on both sides: the measured spread is zero, and so is
            // the propagated one.
            return new Ratio(value, value, value, Double.POSITIVE_INFINITY);
        }
        double dof = square(ra + rb)
                / (square(ra) / (numerator.n() - 1) + square(rb) / (denominator.n() - 1));
        double half = StudentT.twoSidedCriticalValue(Sample.CONFIDENCE, dof)
                * Math.abs(value) * Math.sqrt(ra + rb);
        return new Ratio(value, value - half, value + half, dof);
    }

    /** Half the width of the 95% interval; NaN when there is no interval. */
    public double ci95HalfWidth() {
        return (ci95High - ci95Low) / 2;
    }

    /** Whether a 95% interval could be computed. */
    public boolean hasInterval() {
        return !Double.isNaN(ci95Low);
    }

    private static double square(double x) {
        return x * x;
    }
}
