package dev.netscale.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void equalRelativeErrorsGiveTwiceTheDegreesOfFreedomOfEachSide() {
        // numerator {9, 10, 11}: mean 10, sd 1, (se / mean)^2 = (1 / 3) / 100 = 1/300.
        // denominator {4.5, 5, 5.5}: mean 5, sd 0.5, (se / mean)^2 = (0.25 / 3) / 25 = 1/300.
        // ratio = 2; relative se = sqrt(2/300) = 0.0816497, se = 0.1632993.
        // Welch–Satterthwaite: (2/300)^2 / (2 * (1/300)^2 / 2) = 4 degrees of freedom,
        // t(0.975, 4) = 2.776445, half width = 2.776445 * 0.1632993 = 0.4533916.
        Ratio r = Ratio.of(Sample.of(9, 10, 11), Sample.of(4.5, 5, 5.5));

        assertThat(r.value()).isCloseTo(2.0, within(1e-12));
        assertThat(r.degreesOfFreedom()).isCloseTo(4.0, within(1e-9));
        assertThat(r.ci95Low()).isCloseTo(2 - 0.4533916, within(1e-6));
        assertThat(r.ci95High()).isCloseTo(2 + 0.4533916, within(1e-6));
    }

    @Test
    void unequalSidesGetWelchSatterthwaiteDegreesOfFreedom() {
        // numerator {10, 12, 14}: mean 12, sd 2, r_a = (4 / 3) / 144 = 1/108.
        // denominator {4, 6}: mean 5, sd sqrt(2), r_b = (2 / 2) / 25 = 1/25.
        // nu = (1/108 + 1/25)^2 / ((1/108)^2 / 2 + (1/25)^2 / 1) = 1.476976.
        Ratio r = Ratio.of(Sample.of(10, 12, 14), Sample.of(4, 6));

        assertThat(r.value()).isCloseTo(2.4, within(1e-12));
        assertThat(r.degreesOfFreedom()).isCloseTo(1.476976, within(1e-6));
        assertThat(r.ci95Low()).isLessThan(2.4);
        assertThat(r.ci95High()).isGreaterThan(2.4);
    }

    @Test
    void aSideWithOneRepetitionGivesARatioWithoutInterval() {
        Ratio r = Ratio.of(Sample.of(30), Sample.of(9, 10, 11));

        assertThat(r.value()).isCloseTo(3.0, within(1e-12));
        assertThat(r.hasInterval()).isFalse();
    }

    @Test
    void aZeroOrMissingDenominatorGivesNoRatio() {
        assertThat(Ratio.of(Sample.of(1, 2), Sample.of(0, 0))).isEqualTo(Ratio.NONE);
        assertThat(Ratio.of(Sample.of(1, 2), Sample.of())).isEqualTo(Ratio.NONE);
    }

    @Test
    void identicalRepetitionsPropagateNoSpread() {
        Ratio r = Ratio.of(Sample.of(5, 5), Sample.of(2, 2));

        assertThat(r.value()).isEqualTo(2.5);
        assertThat(r.ci95Low()).isEqualTo(2.5);
        assertThat(r.ci95High()).isEqualTo(2.5);
    }

    @Test
    void anExactRatioHasAZeroWidthInterval() {
        Ratio r = Ratio.exact(1);

        assertThat(r.value()).isEqualTo(1.0);
        assertThat(r.ci95HalfWidth()).isZero();
    }
}
