package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;

/**
 * Chart 2: each receiver's throughput relative to its own smallest sender count, with the
 * published curve (dashed, one line per runtime the run measured) and ideal linear scaling
 * (dotted) for comparison.
 */
final class ScalingChart {

    static final String FILE_STEM = "scaling";
    static final String LINEAR_SERIES = "linear";
    static final String PUBLISHED_PREFIX = "published: ";

    private ScalingChart() {
    }

    static XYChart build(List<PointSummary> points, String caption,
            Optional<ReferenceCurve> reference) {
        int base = baseSenders(points);
        String relativeTo = base == 1 ? "1 sender" : base + " senders";
        XYChart chart = ChartStyle.newChart("Throughput relative to " + relativeTo + " ("
                + caption + ")", "throughput / throughput at " + relativeTo);

        Map<String, List<PointSummary>> curves = PointSummaries.byReceiver(points);
        List<ChartStyle.Failure> failures = new ArrayList<>();
        List<String> runtimes = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<PointSummary>> e : curves.entrySet()) {
            List<PointSummary> curve = e.getValue();
            ChartStyle.addCurve(chart, e.getKey(), ChartStyle.color(index++),
                    ThroughputChart.senders(curve),
                    curve.stream().mapToDouble(p -> p.ratioToFirst().value()).toArray(),
                    curve.stream().mapToDouble(p -> p.ratioToFirst().ci95HalfWidth()).toArray());
            curve.stream().filter(p -> p.failedTrials() > 0).forEach(p -> failures.add(
                    ThroughputChart.failure(p, p.ratioToFirst().value())));
            runtimes.add(curve.get(0).runtime());
        }

        int minSenders = points.stream().mapToInt(PointSummary::senders).min().orElse(1);
        int maxSenders = points.stream().mapToInt(PointSummary::senders).max().orElse(1);
        reference.ifPresent(r -> addPublished(chart, r, runtimes, minSenders, maxSenders));
        ChartStyle.addGuide(chart, LINEAR_SERIES, null, ChartStyle.DOTTED,
                new double[] {minSenders, maxSenders},
                new double[] {(double) minSenders / base, (double) maxSenders / base});
        ChartStyle.addFailures(chart, failures);
        return chart;
    }

    /**
     * The published columns whose name is a runtime of this run, in that receiver's colour,
     * cut to the measured sender range so that they do not stretch the axis.
     */
    private static void addPublished(XYChart chart, ReferenceCurve reference,
            List<String> runtimes, int minSenders, int maxSenders) {
        int[] inRange = IntStream.range(0, reference.senders().length).filter(i ->
                reference.senders()[i] >= minSenders && reference.senders()[i] <= maxSenders)
                .toArray();
        reference.ratios().forEach((runtime, ratios) -> {
            int receiverIndex = runtimes.indexOf(runtime);
            if (receiverIndex < 0 || inRange.length == 0) {
                return;
            }
            ChartStyle.addGuide(chart, PUBLISHED_PREFIX + runtime,
                    ChartStyle.color(receiverIndex), ChartStyle.DASHED,
                    IntStream.of(inRange).mapToDouble(i -> reference.senders()[i]).toArray(),
                    IntStream.of(inRange).mapToDouble(i -> ratios[i]).toArray());
        });
    }

    /** The sender count ratios are relative to: the smallest any receiver used, usually 1. */
    static int baseSenders(List<PointSummary> points) {
        return points.stream().mapToInt(PointSummary::firstSenders).filter(s -> s > 0).min()
                .orElse(1);
    }
}
