package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chart 5: how much of its CPU set each receiver kept busy, against sender count. The solid
 * curve is the receiver's own CPU time over wall time and set size; the dashed one, in the
 * same colour, is how busy the set was whoever used it ({@code /proc/stat}), which adds
 * kernel work charged to no process (loopback TCP in softirq) and anything else on those
 * CPUs. The dashed curves stay out of the legend, which the axis title explains, so that
 * the legend fits under the chart. Points where the senders' CPU set was at least 90% busy
 * get a triangle.
 */
final class CpuShareChart {

    static final String FILE_STEM = "cpu-share";
    static final String TITLE = "Receiver CPU set kept busy vs senders";
    /** Short enough to fit the chart's height. */
    static final String Y_AXIS = "CPU set busy (solid: receiver; dashed: all)";
    static final String SET_SUFFIX = ": whole CPU set";
    static final String SENDER_LIMITED_SERIES = "sender-limited";

    private CpuShareChart() {
    }

    static XYChart build(List<PointSummary> points, String caption) {
        XYChart chart = ChartStyle.newChart(TITLE + " (" + caption + ")", Y_AXIS);
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        List<double[]> limited = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<PointSummary>> e : PointSummaries.byReceiver(points)
                .entrySet()) {
            List<PointSummary> curve = e.getValue();
            double[] x = ThroughputChart.senders(curve);
            double[] own = curve.stream().mapToDouble(p -> p.resources().receiverCoresShare()
                    .mean()).toArray();
            ChartStyle.addCurve(chart, e.getKey(), ChartStyle.color(index), x, own,
                    curve.stream().mapToDouble(p -> p.resources().receiverCoresShare()
                            .ci95HalfWidth()).toArray(), 1.0);
            double[] set = curve.stream().mapToDouble(p -> p.resources()
                    .receiverCpusetBusyShareMean()).toArray();
            if (java.util.Arrays.stream(set).anyMatch(Double::isFinite)) {
                ChartStyle.addGuide(chart, e.getKey() + SET_SUFFIX, ChartStyle.color(index),
                        ChartStyle.DASHED, x, set);
                chart.getSeries(e.getKey() + SET_SUFFIX).setShowInLegend(false);
            }
            for (int i = 0; i < curve.size(); i++) {
                if (curve.get(i).resources().senderLimitedTrials() > 0
                        && Double.isFinite(own[i])) {
                    limited.add(new double[] {x[i], own[i]});
                }
            }
            index++;
        }
        if (!limited.isEmpty()) {
            XYSeries s = chart.addSeries(SENDER_LIMITED_SERIES,
                    limited.stream().mapToDouble(p -> p[0]).toArray(),
                    limited.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(java.awt.Color.DARK_GRAY);
        }
        return chart;
    }
}
