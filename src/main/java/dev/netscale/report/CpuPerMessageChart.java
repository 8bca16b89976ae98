package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Chart 4: the receiver's CPU time per message against sender count, one curve per receiver
 * with 95% intervals. A flat curve means each message costs the same however many senders
 * there are; a rising one means concurrency itself costs CPU (contention, wake-ups, a shared
 * runtime), which caps throughput before the cores run out.
 */
final class CpuPerMessageChart {

    static final String FILE_STEM = "cpu-per-message";
    static final String TITLE = "Receiver CPU per message vs senders";
    static final String Y_AXIS = "receiver CPU time per message (µs, user + system)";

    private CpuPerMessageChart() {
    }

    static XYChart build(List<PointSummary> points, String caption) {
        XYChart chart = ChartStyle.newChart(TITLE + " (" + caption + ")", Y_AXIS);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        int index = 0;
        for (Map.Entry<String, List<PointSummary>> e : PointSummaries.byReceiver(points)
                .entrySet()) {
            List<PointSummary> curve = e.getValue();
            ChartStyle.addCurve(chart, e.getKey(), ChartStyle.color(index++),
                    ThroughputChart.senders(curve),
                    curve.stream().mapToDouble(p -> p.resources().receiverCpuMicrosPerMessage()
                            .mean()).toArray(),
                    curve.stream().mapToDouble(p -> p.resources().receiverCpuMicrosPerMessage()
                            .ci95HalfWidth()).toArray());
        }
        return chart;
    }

    /** Whether any point has a measured CPU per message, so that the chart shows something. */
    static boolean hasData(List<PointSummary> points) {
        return points.stream().anyMatch(p -> Double.isFinite(
                p.resources().receiverCpuMicrosPerMessage().mean()));
    }
}
