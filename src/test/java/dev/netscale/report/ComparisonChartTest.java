package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;

class ComparisonChartTest {
    @Test
    void eachReceiverGetsRunASolidAndRunBDashedInOneColourWithTheRunsInTheTitle() {
        double nan = Double.NaN;
        XYChart chart = ComparisonChart.build("quick/A1", "quick/B2", List.of(
                new ComparisonChart.Curve("native", new double[] {1, 2},
                        new double[] {100, 180}, new double[] {5, 9},
                        new double[] {110, 200}, new double[] {nan, 8})));

        assertThat(chart.getTitle()).isEqualTo("Throughput vs senders: A = quick/A1, B = quick/B2");
        XYSeries a = series(chart, "native (A)");
        XYSeries b = series(chart, "native (B, dashed)");
        assertThat(b.getLineStyle()).isSameAs(ChartStyle.DASHED);
        assertThat(a.getLineStyle()).isNotSameAs(ChartStyle.DASHED);
        // The legend draws lines solid, so the markers differ too.
        assertThat(b.getMarker()).isNotEqualTo(a.getMarker());
        assertThat(b.getLineColor()).isEqualTo(a.getLineColor());
        assertThat(b.getYData()).containsExactly(110, 200);
        // B's first point has no interval, so only its second gets an error bar.
        assertThat(series(chart, "native (B, dashed)" + ChartStyle.INTERVAL_SUFFIX).getXData())
                .containsExactly(2);
    }

    @Test
    void aLegendTooWideForOneRowMovesToTheRightOneEntryPerLine() {
        List<ComparisonChart.Curve> four = new java.util.ArrayList<>();
        for (String r : List.of("native", "jvm", "jvm-virtual", "wasmer")) {
            four.add(new ComparisonChart.Curve(r, new double[] {1, 2}, new double[] {1, 2},
                    new double[] {0, 0}, new double[] {1, 2}, new double[] {0, 0}));
        }
        XYChart wide = ComparisonChart.build("quick/A1", "quick/B2", four);
        XYChart narrow = ComparisonChart.build("quick/A1", "quick/B2", four.subList(0, 1));

        ChartStyle.fitLegend(wide);
        ChartStyle.fitLegend(narrow);

        assertThat(wide.getStyler().getLegendPosition())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        assertThat(wide.getStyler().getLegendLayout())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        assertThat(narrow.getStyler().getLegendPosition())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    }

    private static XYSeries series(XYChart chart, String name) {
        return chart.getSeriesCollection().stream().filter(s -> s.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + name));
    }
}
