package dev.netscale.report;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two runs side by side: each receiver's mean throughput against senders in one colour, run A
 * solid with circles and run B dashed with squares, both with their 95% intervals. Drawn by
 * {@code netscale compare}.
 */
public final class ComparisonChart {
    public static final String FILE_STEM = "compare";

    /**
     * One receiver's points in both runs, at the sender counts both measured.
     *
     * @param halfA half-widths of A's 95% intervals; NaN where there is none
     */
    public record Curve(String receiver, double[] senders, double[] meanA, double[] halfA,
            double[] meanB, double[] halfB) {
    }

    private ComparisonChart() {
    }

    static XYChart build(String labelA, String labelB, List<Curve> curves) {
        XYChart chart = ChartStyle.newChart("Throughput vs senders: A = " + labelA + ", B = "
                + labelB, ThroughputChart.Y_AXIS);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            ChartStyle.addCurve(chart, c.receiver() + " (A)", ChartStyle.color(i), c.senders(),
                    c.meanA(), c.halfA());
            // XChart's legend draws every line solid; B's squares tell it apart there.
            String dashed = c.receiver() + " (B, dashed)";
            ChartStyle.addCurve(chart, dashed, ChartStyle.color(i), c.senders(), c.meanB(),
                    c.halfB());
            chart.getSeriesCollection().stream().filter(x -> x.getName().equals(dashed))
                    .forEach(x -> {
                        x.setLineStyle(ChartStyle.DASHED);
                        x.setMarker(SeriesMarkers.SQUARE);
                    });
        }
        return chart;
    }

    /**
     * Writes {@code compare.png} and {@code compare.svg} into {@code dir}.
     *
     * @return the two files, PNG first
     */
    public static List<Path> write(Path dir, String labelA, String labelB, List<Curve> curves) {
        return ChartFiles.write(build(labelA, labelB, curves), dir, FILE_STEM);
    }
}
