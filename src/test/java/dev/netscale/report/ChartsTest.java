package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.TrialBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ChartsTest {

    private static final List<PointSummary> POINTS =
            PointSummaries.of(Fixtures.trials(), "native");
    private static final String CAPTION = ChartCaption.of(Fixtures.trials());

    private static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
    }

    @Test
    void theThroughputChartHasOneCurvePerReceiverWithIntervalsAndFailures() {
        XYChart chart = ThroughputChart.build(POINTS, CAPTION);

        assertThat(names(chart)).containsExactly("native", "native 95% CI",
                "wasmer", "wasmer 95% CI", "failed trials");
        assertThat(chart.getXAxisTitle()).isEqualTo("concurrent senders");
        assertThat(chart.getYAxisTitle()).isEqualTo("throughput (messages/s)");
        XYSeries nativeCurve = chart.getSeries("native");
        assertThat(nativeCurve.getXData()).containsExactly(1, 2, 4, 8);
        assertThat(nativeCurve.getYData()).containsExactly(1100, 2100, 4000, 7000);
        // native at 1 sender: sd 100, half width = t(0.975, 2) * 100 / sqrt(3) = 248.414.
        assertThat(chart.getSeries("native 95% CI").getExtraValues()[0])
                .isCloseTo(248.414, within(1e-3));
        assertThat(chart.getSeries("native 95% CI").isShowInLegend()).isFalse();
    }

    @Test
    void aPointWithFailedTrialsGetsAFailureMarkerAtItsMean() {
        XYSeries failed = ThroughputChart.build(POINTS, CAPTION).getSeries("failed trials");

        assertThat(failed.getXData()).containsExactly(4);
        assertThat(failed.getYData()).containsExactly(1150);
        assertThat(failed.getMarker()).isEqualTo(SeriesMarkers.CROSS);
    }

    @Test
    void aPointWhereEveryTrialFailedIsMarkedOnTheAxis() {
        List<PointSummary> points = PointSummaries.of(List.of(
                TrialBuilder.ok("jvm", 1, 100).build(),
                TrialBuilder.failed("jvm", 2, "timed out").build()), null);

        XYSeries failed = ThroughputChart.build(points, CAPTION).getSeries("failed trials");

        assertThat(failed.getXData()).containsExactly(2);
        assertThat(failed.getYData()).containsExactly(0);
    }

    @Test
    void aPointFromOneRepetitionHasNoErrorBarRatherThanAZeroOne() {
        List<PointSummary> points = PointSummaries.of(List.of(
                TrialBuilder.ok("jvm", 1, 100).build(), TrialBuilder.ok("jvm", 2, 150).build(),
                TrialBuilder.ok("jvm", 2, 170).build()), null);

        XYChart chart = ThroughputChart.build(points, CAPTION);

        assertThat(chart.getSeries("jvm").getXData()).containsExactly(1, 2);
        assertThat(chart.getSeries("jvm 95% CI").getXData()).containsExactly(2);
    }

    @Test
    void everyChartTitleNamesTheCpuSets() {
        String expected = "receiver CPUs 0-1; sender CPUs 2-3";

        assertThat(CAPTION).isEqualTo(expected);
        assertThat(ThroughputChart.build(POINTS, CAPTION).getTitle()).contains(expected);
        assertThat(ScalingChart.build(POINTS, CAPTION, Optional.empty()).getTitle())
                .contains(expected);
        assertThat(BaselineChart.build(POINTS, "native", CAPTION).orElseThrow().getTitle())
                .contains(expected);
    }

    @Test
    void receiversOnDifferentCpuSetsAreNamedOneByOne() {
        // jvm's set was not reported back, so the requested one stands in for it.
        String caption = ChartCaption.of(List.of(
                TrialBuilder.ok("native", 1, 1).receiverCpus("0", "0").senderCpus("2", "2")
                        .build(),
                TrialBuilder.ok("jvm", 1, 1).receiverCpus("1", "").senderCpus("2", "2")
                        .build()));

        assertThat(caption).isEqualTo("receiver CPUs native 0, jvm 1; sender CPUs 2");
    }

    @Test
    void theScalingChartOverlaysThePublishedCurvesOfMeasuredRuntimesAndLinearScaling() {
        ReferenceCurve reference = ReferenceCurve.read(Fixtures.reference());

        XYChart chart = ScalingChart.build(POINTS, CAPTION, Optional.of(reference));

        // jvm is in the reference but was not measured, so it is not drawn.
        assertThat(names(chart)).containsExactly("native", "native 95% CI",
                "wasmer", "wasmer 95% CI", "published: native", "published: wasmer", "linear",
                "failed trials");
        assertThat(chart.getYAxisTitle()).isEqualTo("throughput / throughput at 1 sender");
        // 4000 / 1100 = 3.636364 and 7000 / 1100 = 6.363636.
        assertThat(chart.getSeries("native").getYData())
                .containsExactly(new double[] {1, 1.909091, 3.636364, 6.363636}, within(1e-6));
        // The published row at 16 senders is outside the measured 1..8 and left out.
        XYSeries published = chart.getSeries("published: native");
        assertThat(published.getXData()).containsExactly(1, 2, 4, 8);
        assertThat(published.getYData()).containsExactly(1.0, 1.9, 3.6, 5.5);
        assertThat(published.getMarker()).isEqualTo(SeriesMarkers.NONE);
        assertThat(chart.getSeries("linear").getYData()).containsExactly(1, 8);
    }

    @Test
    void theBaselineChartDividesEachOtherReceiverByTheBaseline() {
        XYChart chart = BaselineChart.build(POINTS, "native", CAPTION).orElseThrow();

        assertThat(names(chart)).containsExactly("wasmer / native",
                "wasmer / native 95% CI", "parity", "failed trials");
        assertThat(chart.getYAxisTitle()).isEqualTo("throughput / native throughput");
        // 550 / 1100, 1050 / 2100, 1150 / 4000, 1100 / 7000.
        assertThat(chart.getSeries("wasmer / native").getYData())
                .containsExactly(new double[] {0.5, 0.5, 0.2875, 0.157143}, within(1e-6));
    }

    @Test
    void thereIsNoBaselineChartWithoutABaselineThatWasMeasured() {
        assertThat(BaselineChart.build(POINTS, null, CAPTION)).isEmpty();
        assertThat(BaselineChart.build(PointSummaries.of(Fixtures.trials(), "jvm"), "jvm",
                CAPTION)).isEmpty();
    }
}
