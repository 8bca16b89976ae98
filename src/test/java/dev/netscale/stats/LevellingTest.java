package dev.netscale.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LevellingTest {

    private static int[] oneTo(int n) {
        return IntStream.rangeClosed(1, n).toArray();
    }

    @Test
    void aCurveThatFlattensStopsGrowingWhereTheRestIsWithinTenPercent() {
        // From 2 senders the rest {1.9, 2.8, 3.0, 3.1, 2.9} has median 2.9 > 1.1 * 1.9 = 2.09.
        // From 3 senders the rest {2.8, 3.0, 3.1, 2.9} has median 2.95 <= 1.1 * 2.8 = 3.08.
        double[] ratios = {1.0, 1.9, 2.8, 3.0, 3.1, 2.9};

        Levelling l = Levelling.of(oneTo(ratios.length), ratios, 0.10).orElseThrow();

        assertThat(l.stopsAtSenders()).isEqualTo(3);
        assertThat(l.maxRatio()).isEqualTo(3.1);
        assertThat(l.maxAtSenders()).isEqualTo(5);
        assertThat(l.largestSenders()).isEqualTo(6);
        assertThat(l.lastRatio()).isEqualTo(2.9);
        assertThat(l.maxAtLargest()).isFalse();
        assertThat(l.stillGrowing()).isFalse();
    }

    @Test
    void oneLuckyPointDoesNotHideAPlateau() {
        // From 3 senders the rest {3.0, 3.1, 4.5, 3.0, 3.05} has median 3.05 <= 3.3; the 4.5
        // at 5 senders is the maximum but not the typical level.
        double[] ratios = {1.0, 2.0, 3.0, 3.1, 4.5, 3.0, 3.05};

        Levelling l = Levelling.of(oneTo(ratios.length), ratios, 0.10).orElseThrow();

        assertThat(l.stopsAtSenders()).isEqualTo(3);
        assertThat(l.maxAtSenders()).isEqualTo(5);
    }

    @Test
    void aLinearCurveIsStillGrowingAtItsLargestCount() {
        // From 3 senders the rest {3, 4} has median 3.5 > 3.3, so only the last point passes.
        double[] ratios = {1, 2, 3, 4};

        Levelling l = Levelling.of(oneTo(ratios.length), ratios, 0.10).orElseThrow();

        assertThat(l.stopsAtSenders()).isEqualTo(4);
        assertThat(l.maxAtLargest()).isTrue();
        assertThat(l.stillGrowing()).isTrue();
    }

    @Test
    void pointsWithoutRatioAreSkipped() {
        // Measured: 1 -> 1.0, 3 -> 2.0, 4 -> 2.1. From 3 the median is 2.05 <= 2.2.
        double[] ratios = {1.0, Double.NaN, 2.0, 2.1};

        Levelling l = Levelling.of(oneTo(ratios.length), ratios, 0.10).orElseThrow();

        assertThat(l.stopsAtSenders()).isEqualTo(3);
        assertThat(l.largestSenders()).isEqualTo(4);
    }

    @Test
    void arraysOfDifferentLengthAreRefused() {
        assertThatThrownBy(() -> Levelling.of(new int[] {1, 2}, new double[] {1}, 0.10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 sender counts but 1 ratios");
    }

    @Test
    void noRatioAtAllGivesNothing() {
        assertThat(Levelling.of(new int[] {1}, new double[] {Double.NaN}, 0.10)).isEmpty();
    }
}
