package dev.netscale.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RttPercentilesTest {

    static String histogram(long nanos, int count, long otherNanos, int otherCount) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(nanos, count);
        if (otherCount > 0) {
            h.recordValueWithCount(otherNanos, otherCount);
        }
        return RttPercentiles.encode(h);
    }

    @Test
    void percentilesAreReadFromTheMergedHistogramNotAveraged() {
        // Trial A: 90 round trips of 1 us and 10 of 2 us, so its own p99 is 2 us.
        // Trial B: 100 round trips of 1 us, p99 1 us. Averaging would claim p99 = 1.5 us.
        // Merged: 200 values, the 10 slowest are 2 us: the 198th value (p99) is 2 us and the
        // 180th (p90) and 100th (p50) are 1 us. Values below 2048 ns are exact at 3 digits.
        String a = histogram(1_000, 90, 2_000, 10);
        String b = histogram(1_000, 100, 0, 0);

        RttPercentiles p = RttPercentiles.merge(List.of(a, b));

        assertThat(p.p50Micros()).isEqualTo(1.0);
        assertThat(p.p90Micros()).isEqualTo(1.0);
        assertThat(p.p99Micros()).isEqualTo(2.0);
        assertThat(p.maxMicros()).isEqualTo(2.0);
        assertThat(p.histograms()).isEqualTo(2);
    }

    @Test
    void trialsWithoutHistogramAreSkipped() {
        RttPercentiles p = RttPercentiles.merge(Arrays.asList(histogram(1_500, 4, 0, 0), "", null));

        assertThat(p.histograms()).isEqualTo(1);
        assertThat(p.p50Micros()).isEqualTo(1.5);
    }

    @Test
    void noHistogramsGiveNoPercentiles() {
        RttPercentiles p = RttPercentiles.merge(List.of());

        assertThat(p.p99Micros()).isNaN();
        assertThat(p.histograms()).isZero();
    }

    @Test
    void textThatIsNoHistogramIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RttPercentiles.merge(List.of("bm90IGEgaGlzdG9ncmFt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an encoded HdrHistogram");
    }
}
