package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.stats.Ratio;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void throughputsAreWholeMessagesPerSecondWithSeparators() {
        assertThat(Format.throughput(12_345.4)).isEqualTo("12,345 msg/s");
        // half up, as the console's String.format rounds
        assertThat(Format.count(15_042.5)).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f", 15_042.5))
                .isEqualTo("15,043");
        assertThat(Format.throughput(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void ratiosKeepThreeSignificantDigitsIncludingTrailingZeros() {
        assertThat(Format.significant(1)).isEqualTo("1.00");
        assertThat(Format.significant(9.849)).isEqualTo("9.85");
        assertThat(Format.significant(0.34549)).isEqualTo("0.345");
        assertThat(Format.significant(12.35)).isEqualTo("12.4");
        assertThat(Format.significant(123.4)).isEqualTo("123");
        assertThat(Format.significant(0)).isEqualTo("0");
    }

    @Test
    void largeValuesBecomeWholeNumbersWithSeparators() {
        assertThat(Format.significant(999.7)).isEqualTo("1,000");
        assertThat(Format.significant(4_321.6)).isEqualTo("4,322");
    }

    @Test
    void aRatioShowsItsIntervalOnlyWhenItHasOne() {
        assertThat(Format.ratio(new Ratio(3.636, 2.891, 4.381, 3.9)))
                .isEqualTo("3.64× (95% CI 2.89–4.38)");
        assertThat(Format.ratio(new Ratio(2, Double.NaN, Double.NaN, Double.NaN)))
                .isEqualTo("2.00×");
        assertThat(Format.ratio(Ratio.exact(1))).isEqualTo("1.00×");
        assertThat(Format.ratio(Ratio.NONE)).isEqualTo("n/a");
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(Format.senders(1)).isEqualTo("1 sender");
        assertThat(Format.senders(40)).isEqualTo("40 senders");
        assertThat(Format.plural(1, "trial")).isEqualTo("1 trial");
        assertThat(Format.plural(0, "trial")).isEqualTo("0 trials");
    }
}
