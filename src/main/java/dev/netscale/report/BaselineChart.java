package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Chart 3: each receiver's throughput over the baseline receiver's at the same sender count,
 * with a dotted line at 1 where the two are equal.
 */
final class BaselineChart {

    static final String FILE_STEM = "baseline";
    static final String PARITY_SERIES = "parity";

    private BaselineChart() {
    }

    /** Empty when there is no baseline or no other receiver has a ratio to it. */
    static Optional<XYChart> build(List<PointSummary> points, String baseline, String caption) {
        Map<String, List<PointSummary>> curves = PointSummaries.byReceiver(points);
        boolean anyRatio = points.stream().anyMatch(p -> !p.receiver().equals(baseline)
                && Double.isFinite(p.ratioToBaseline().value()));
        if (baseline == null || !curves.containsKey(baseline) || !anyRatio) {
            return Optional.empty();
        }

        XYChart chart = ChartStyle.newChart("Throughput relative to " + baseline + " ("
                + caption + ")", "throughput / " + baseline + " throughput");
        List<ChartStyle.Failure> failures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<PointSummary>> e : curves.entrySet()) {
            int color = index++;
            if (e.getKey().equals(baseline)) {
                continue;
            }
            List<PointSummary> curve = e.getValue();
            ChartStyle.addCurve(chart, e.getKey() + " / " + baseline, ChartStyle.color(color),
                    ThroughputChart.senders(curve),
                    curve.stream().mapToDouble(p -> p.ratioToBaseline().value()).toArray(),
                    curve.stream().mapToDouble(p -> p.ratioToBaseline().ci95HalfWidth())
                            .toArray());
            curve.stream().filter(p -> p.failedTrials() > 0).forEach(p -> failures.add(
                    ThroughputChart.failure(p, p.ratioToBaseline().value())));
        }

        int min = points.stream().mapToInt(PointSummary::senders).min().orElse(1);
        int max = points.stream().mapToInt(PointSummary::senders).max().orElse(1);
        ChartStyle.addGuide(chart, PARITY_SERIES, null, ChartStyle.DOTTED,
                new double[] {min, max}, new double[] {1, 1});
        ChartStyle.addFailures(chart, failures);
        return Optional.of(chart);
    }
}
