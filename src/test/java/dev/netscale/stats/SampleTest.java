package dev.netscale.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void threeValuesGiveMeanSampleDeviationAndStudentInterval() {
        // mean = 36 / 3 = 12; squared deviations 4 + 0 + 4 = 8, sd = sqrt(8 / 2) = 2;
        // standard error = 2 / sqrt(3) = 1.154701; t(0.975, df 2) = 4.302653;
        // half width = 4.302653 * 1.154701 = 4.968275.
        Sample s = Sample.of(10, 12, 14);

        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(12.0);
        assertThat(s.sd()).isCloseTo(2.0, within(1e-12));
        assertThat(s.ci95Low()).isCloseTo(12 - 4.968275, within(1e-6));
        assertThat(s.ci95High()).isCloseTo(12 + 4.968275, within(1e-6));
        assertThat(s.ci95HalfWidth()).isCloseTo(4.968275, within(1e-6));
    }

    @Test
    void oneValueHasAMeanButNoSpreadAndNoInterval() {
        Sample s = Sample.of(7);

        assertThat(s.n()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(7.0);
        assertThat(s.sd()).isNaN();
        assertThat(s.ci95Low()).isNaN();
        assertThat(s.ci95High()).isNaN();
        assertThat(s.hasInterval()).isFalse();
    }

    @Test
    void missingValuesAreLeftOutOfTheCount() {
        // {10, 14}: mean 12, sd = sqrt((4 + 4) / 1) = 2.828427, standard error = 2.828427 /
        // sqrt(2) = 2; t(0.975, df 1) = 12.706205, so the half width is 25.412409.
        Sample s = Sample.of(10, Double.NaN, 14);

        assertThat(s.n()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(12.0);
        assertThat(s.ci95HalfWidth()).isCloseTo(25.412409, within(1e-5));
    }

    @Test
    void noValuesGiveNothing() {
        Sample s = Sample.of();

        assertThat(s.n()).isZero();
        assertThat(s.mean()).isNaN();
        assertThat(s.hasInterval()).isFalse();
    }
}
