package dev.netscale.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Critical values of Student's t distribution for two-sided confidence intervals. */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The t value that leaves {@code (1 - confidence) / 2} in each tail, for example 4.303 for
     * 95% and 2 degrees of freedom. Degrees of freedom may be fractional (Welch).
     *
     * @return NaN when {@code degreesOfFreedom} is not positive or not finite
     */
    public static double twoSidedCriticalValue(double confidence, double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            return Double.NaN;
        }
        // The null random generator keeps commons-math from seeding one we never use.
        TDistribution t = new TDistribution(null, degreesOfFreedom,
                TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return t.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }
}
