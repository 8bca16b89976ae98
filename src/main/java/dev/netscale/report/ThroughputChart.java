package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** Chart 1: mean throughput against sender count, one curve per receiver, 95% error bars. */
final class ThroughputChart {

    static final String FILE_STEM = "throughput";
    static final String Y_AXIS = "throughput (messages/s)";

    private ThroughputChart() {
    }

    static XYChart build(List<PointSummary> points, String caption) {
        XYChart chart = ChartStyle.newChart("Throughput vs senders (" + caption + ")", Y_AXIS);
        chart.getStyler().setYAxisDecimalPattern("#,##0");

        List<ChartStyle.Failure> failures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<PointSummary>> e : PointSummaries.byReceiver(points)
                .entrySet()) {
            List<PointSummary> curve = e.getValue();
            ChartStyle.addCurve(chart, e.getKey(), ChartStyle.color(index++), senders(curve),
                    curve.stream().mapToDouble(p -> p.throughput().mean()).toArray(),
                    curve.stream().mapToDouble(p -> p.throughput().ci95HalfWidth()).toArray());
            curve.stream().filter(p -> p.failedTrials() > 0).forEach(p -> failures.add(
                    failure(p, p.throughput().mean())));
        }
        ChartStyle.addFailures(chart, failures);
        return chart;
    }

    static double[] senders(List<PointSummary> curve) {
        return curve.stream().mapToDouble(PointSummary::senders).toArray();
    }

    static ChartStyle.Failure failure(PointSummary p, double y) {
        return new ChartStyle.Failure(p.senders(), y, p.failedTrials(),
                p.failedTrials() + p.okTrials());
    }
}
