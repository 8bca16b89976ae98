package dev.netscale.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    // Expected values: the 0.975 column of the t table in the NIST/SEMATECH e-Handbook of
    // Statistical Methods, 1.3.6.7.2.
    @Test
    void criticalValuesMatchThePublishedTable() {
        assertThat(StudentT.twoSidedCriticalValue(0.95, 1)).isCloseTo(12.706, within(1e-3));
        assertThat(StudentT.twoSidedCriticalValue(0.95, 2)).isCloseTo(4.303, within(1e-3));
        assertThat(StudentT.twoSidedCriticalValue(0.95, 4)).isCloseTo(2.776, within(1e-3));
        assertThat(StudentT.twoSidedCriticalValue(0.95, 30)).isCloseTo(2.042, within(1e-3));
    }

    @Test
    void fractionalDegreesOfFreedomLieBetweenTheirNeighbours() {
        double t = StudentT.twoSidedCriticalValue(0.95, 2.5);

        assertThat(t).isLessThan(4.303).isGreaterThan(3.182);
    }

    @Test
    void noDegreesOfFreedomGiveNoCriticalValue() {
        assertThat(StudentT.twoSidedCriticalValue(0.95, 0)).isNaN();
        assertThat(StudentT.twoSidedCriticalValue(0.95, Double.NaN)).isNaN();
    }
}
