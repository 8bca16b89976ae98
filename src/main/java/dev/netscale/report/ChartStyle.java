package dev.netscale.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What every netscale chart shares: size, palette, curves with intervals, failure markers. */
final class ChartStyle {

    static final int WIDTH_PX = 1000;
    static final int HEIGHT_PX = 600;
    static final String SENDERS_AXIS = "concurrent senders";
    static final String FAILED_SERIES = "failed trials";
    /** Suffix of the legend-less series that carries a curve's 95% error bars. */
    static final String INTERVAL_SUFFIX = " 95% CI";

    // Okabe and Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), without
    // the yellow, which is hard to see on white.
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final Color FAILED_COLOR = new Color(0xB00020);
    /** Dashes for published curves, dots for ideal lines; XChart's own look solid at 1000 px. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f);
    private static final Color GUIDE_COLOR = Color.GRAY;

    private ChartStyle() {
    }

    static XYChart newChart(String title, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title)
                .xAxisTitle(SENDERS_AXIS).yAxisTitle(yAxisTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setXAxisDecimalPattern("#,##0");
        // Ratios and throughputs start at zero, so that a flat curve does not look steep.
        styler.setYAxisMin(0.0);
        return chart;
    }

    /**
     * Room each legend entry takes beside its text: the line and marker sample and the gaps,
     * about what XChart draws at its default legend style.
     */
    private static final int LEGEND_ENTRY_EXTRA_PX = 50;

    /**
     * Moves the legend to the right, one entry per line, when its entries would not fit in
     * one row below the plot: XChart cuts such a row off at the chart's edge.
     */
    static void fitLegend(XYChart chart) {
        XYStyler styler = chart.getStyler();
        if (styler.getLegendPosition() != Styler.LegendPosition.OutsideS) {
            return;
        }
        java.awt.image.BufferedImage scratch =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            java.awt.FontMetrics metrics = g.getFontMetrics(styler.getLegendFont());
            int row = 2 * styler.getLegendPadding();
            for (var series : chart.getSeriesCollection()) {
                if (series.isShowInLegend()) {
                    row += metrics.stringWidth(series.getName()) + LEGEND_ENTRY_EXTRA_PX;
                }
            }
            if (row > chart.getWidth()) {
                styler.setLegendPosition(Styler.LegendPosition.OutsideE);
                styler.setLegendLayout(Styler.LegendLayout.Vertical);
            }
        } finally {
            g.dispose();
        }
    }

    /** The smallest title font a long title is shrunk to. */
    private static final float MIN_TITLE_POINTS = 9f;

    /** Shrinks the title's font until the title fits the chart's width. */
    static void fitTitle(XYChart chart) {
        XYStyler styler = chart.getStyler();
        java.awt.image.BufferedImage scratch =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            java.awt.Font font = styler.getChartTitleFont();
            // XChart centres the title over the plot, which a legend on the right narrows.
            int legend = 0;
            if (styler.getLegendPosition() == Styler.LegendPosition.OutsideE) {
                java.awt.FontMetrics m = g.getFontMetrics(styler.getLegendFont());
                for (var series : chart.getSeriesCollection()) {
                    if (series.isShowInLegend()) {
                        legend = Math.max(legend, m.stringWidth(series.getName())
                                + LEGEND_ENTRY_EXTRA_PX);
                    }
                }
            }
            int room = chart.getWidth() - legend - 2 * styler.getChartTitlePadding() - 20;
            while (font.getSize2D() > MIN_TITLE_POINTS
                    && g.getFontMetrics(font).stringWidth(chart.getTitle()) > room) {
                font = font.deriveFont(font.getSize2D() - 0.5f);
            }
            styler.setChartTitleFont(font);
        } finally {
            g.dispose();
        }
    }

    static Color color(int receiverIndex) {
        return PALETTE[receiverIndex % PALETTE.length];
    }

    /**
     * Adds a curve with markers, and its 95% intervals as a second series without legend, line
     * or markers. Points without an interval (one repetition) get no error bar at all rather
     * than a zero-length one that would look precise. NaN values leave a gap.
     */
    static void addCurve(XYChart chart, String name, Color color, double[] x, double[] y,
            double[] halfWidth) {
        addCurve(chart, name, color, x, y, halfWidth, Double.POSITIVE_INFINITY);
    }

    /**
     * A curve whose quantity cannot exceed {@code cap} (a share of a CPU set cannot pass 1):
     * an interval reaching past it is drawn up to it only. XChart draws symmetric bars, so
     * such a bar is centred on the middle of what is left.
     */
    static void addCurve(XYChart chart, String name, Color color, double[] x, double[] y,
            double[] halfWidth, double cap) {
        double[] centre = y.clone();
        double[] half = halfWidth.clone();
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(half[i]) && y[i] + half[i] > cap) {
                double low = y[i] - half[i];
                double high = Math.max(low, cap);
                centre[i] = (low + high) / 2;
                half[i] = (high - low) / 2;
            }
        }
        addCurveWithBars(chart, name, color, x, y, centre, half);
    }

    private static void addCurveWithBars(XYChart chart, String name, Color color, double[] x,
            double[] y, double[] barCentre, double[] halfWidth) {
        XYSeries curve = chart.addSeries(name, x, y);
        curve.setLineColor(color);
        curve.setMarkerColor(color);
        curve.setMarker(SeriesMarkers.CIRCLE);

        int[] withInterval = IntStream.range(0, x.length)
                .filter(i -> Double.isFinite(y[i]) && Double.isFinite(halfWidth[i])).toArray();
        if (withInterval.length == 0) {
            return;
        }
        XYSeries bars = chart.addSeries(name + INTERVAL_SUFFIX, pick(x, withInterval),
                pick(barCentre, withInterval), pick(halfWidth, withInterval));
        bars.setLineStyle(SeriesLines.NONE);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(color);
        bars.setMarkerColor(color);
        bars.setShowInLegend(false);
    }

    /** Adds a guide line without markers: a published curve or an ideal one. */
    static void addGuide(XYChart chart, String name, Color color, BasicStroke stroke,
            double[] x, double[] y) {
        XYSeries guide = chart.addSeries(name, x, y);
        guide.setMarker(SeriesMarkers.NONE);
        guide.setLineStyle(stroke);
        guide.setLineColor(color == null ? GUIDE_COLOR : color);
    }

    /** A point where trials failed: drawn at {@code y}, or on the axis when nothing worked. */
    record Failure(double x, double y, int failed, int total) {
    }

    /**
     * Adds the {@value #FAILED_SERIES} marker series and a "k of n failed" label beside each
     * marker, so that a point that lost trials never looks as clean as one that did not.
     */
    static void addFailures(XYChart chart, List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        double[] x = failures.stream().mapToDouble(Failure::x).toArray();
        double[] y = failures.stream().mapToDouble(f -> Double.isFinite(f.y()) ? f.y() : 0)
                .toArray();
        XYSeries markers = chart.addSeries(FAILED_SERIES, x, y);
        markers.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        markers.setMarker(SeriesMarkers.CROSS);
        markers.setMarkerColor(FAILED_COLOR);

        // The label is centred on its position: move it right of the marker and its error
        // bar, by fractions of the data's range found by eye on 1000x600 charts.
        double[] range = dataRange(chart);
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            chart.addAnnotation(new AnnotationText(f.failed() + " of " + f.total() + " failed",
                    x[i] + 0.06 * range[0], y[i] + 0.03 * range[1], false));
        }
    }

    /** The x extent and the largest y of every series drawn so far. */
    private static double[] dataRange(XYChart chart) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (XYSeries s : chart.getSeriesCollection()) {
            Arrays.stream(s.getXData()).filter(Double::isFinite).forEach(xs::add);
            Arrays.stream(s.getYData()).filter(Double::isFinite).forEach(ys::add);
        }
        double xMin = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double xMax = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double yMax = ys.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return new double[] {xMax > xMin ? xMax - xMin : 1, yMax > 0 ? yMax : 1};
    }

    private static double[] pick(double[] values, int[] indexes) {
        return IntStream.of(indexes).mapToDouble(i -> values[i]).toArray();
    }
}
