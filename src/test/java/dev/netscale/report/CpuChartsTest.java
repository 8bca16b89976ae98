package dev.netscale.report;

import static dev.netscale.results.TrialBuilder.figures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.TrialBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** native and wasmer at 1 and 2 senders; wasmer's senders were busy at 2 (sender-limited). */
class CpuChartsTest {
    private static final List<PointSummary> POINTS = PointSummaries.of(List.of(
            TrialBuilder.ok("native", 1, 1000).resources(figures(20, 0.2, 0.4, 0.5)).build(),
            TrialBuilder.ok("native", 2, 1900).resources(figures(22, 0.45, 0.95, 0.6)).build(),
            TrialBuilder.ok("wasmer", 1, 300).resources(figures(60, 0.2, 0.3, 0.5)).build(),
            TrialBuilder.ok("wasmer", 2, 450).resources(figures(80, 0.5, 0.6, 0.95)).build()),
            "native");

    private static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
    }

    @Test
    void theCpuPerMessageChartHasOneCurvePerReceiver() {
        XYChart chart = CpuPerMessageChart.build(POINTS, "receiver CPUs 0; sender CPUs 1");

        assertThat(names(chart)).containsExactly("native", "wasmer");
        assertThat(chart.getTitle()).isEqualTo("Receiver CPU per message vs senders (receiver"
                + " CPUs 0; sender CPUs 1)");
        assertThat(chart.getYAxisTitle()).isEqualTo("receiver CPU time per message (µs, user +"
                + " system)");
        assertThat(chart.getSeries("wasmer").getYData()).containsExactly(60, 80);
    }

    @Test
    void theCpuShareChartDrawsTheWholeSetDashedAndMarksSenderLimitedPoints() {
        XYChart chart = CpuShareChart.build(POINTS, "receiver CPUs 0; sender CPUs 1");

        assertThat(names(chart)).containsExactly("native", "native: whole CPU set", "wasmer",
                "wasmer: whole CPU set", "sender-limited");
        assertThat(chart.getSeries("native").getYData()).containsExactly(0.2, 0.45);
        assertThat(chart.getSeries("native: whole CPU set").getYData())
                .containsExactly(0.4, 0.95);
        assertThat(chart.getSeries("native: whole CPU set").isShowInLegend()).isFalse();
        assertThat(chart.getYAxisTitle()).isEqualTo("CPU set busy (solid: receiver; dashed:"
                + " all)");
        XYSeries limited = chart.getSeries("sender-limited");
        assertThat(limited.getXData()).containsExactly(2);
        assertThat(limited.getYData()).containsExactly(0.5);
        assertThat(limited.getMarker()).isEqualTo(SeriesMarkers.TRIANGLE_UP);
    }

    @Test
    void anIntervalPastTheCapIsDrawnUpToTheCapOnly() {
        XYChart chart = ChartStyle.newChart("t", "share");
        ChartStyle.addCurve(chart, "r", ChartStyle.color(0), new double[] {1, 2},
                new double[] {0.5, 0.9}, new double[] {0.1, 0.3}, 1.0);

        XYSeries bars = chart.getSeries("r" + ChartStyle.INTERVAL_SUFFIX);
        // 0.5 +- 0.1 stays; 0.9 +- 0.3 becomes 0.6 to 1.0, drawn as 0.8 +- 0.2
        assertThat(bars.getYData()).containsExactly(0.5, 0.8);
        assertThat(bars.getExtraValues()[0]).isCloseTo(0.1, org.assertj.core.api.Assertions
                .within(1e-12));
        assertThat(bars.getExtraValues()[1]).isCloseTo(0.2, org.assertj.core.api.Assertions
                .within(1e-12));
        assertThat(chart.getSeries("r").getYData()).containsExactly(0.5, 0.9);
    }

    @Test
    void aRunWithoutMeasuredResourcesHasNoCpuCharts() {
        assertThat(CpuPerMessageChart.hasData(PointSummaries.of(Fixtures.trials(), "native")))
                .isFalse();
        assertThat(CpuPerMessageChart.hasData(POINTS)).isTrue();
    }
}
