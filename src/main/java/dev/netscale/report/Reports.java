package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.ResultsException;
import dev.netscale.results.SummaryCsv;
import dev.netscale.results.SyscallsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes everything a run's trials are summarised into: summary.csv, the charts, report.md.
 * The profiled trials' {@code syscalls.csv}, when the folder has one, goes into the report
 * too.
 */
public final class Reports {

    public static final String SUMMARY = "summary.csv";
    public static final String REPORT = "report.md";
    public static final String CHARTS = "charts";

    private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

    private Reports() {
    }

    /**
     * Writes {@code summary.csv}, {@code charts/*.png} and {@code charts/*.svg} and {@code
     * report.md} into {@code resultsDir}, replacing earlier ones, from {@code in} alone.
     * The baseline chart is left out, and an earlier one removed, when there is no baseline to
     * divide by; so are the CPU charts when no trial had its resources measured. A reference
     * curve that cannot be read is reported in the warnings, not
     * thrown, so that a report is still written.
     *
     * @return the files written, in the order above
     * @throws ResultsException naming the file when one cannot be written
     */
    /**
     * The result-quality warnings of the report, one plain line per kind: where it happened
     * (trials, or points for warnings found in the aggregates) and what to do about it.
     */
    public static List<String> qualityWarnings(ReportInput in) {
        List<PointSummary> points = PointSummaries.of(in.trials(), in.baseline());
        List<String> out = new ArrayList<>();
        for (QualityWarnings.Kind k : QualityWarnings.of(in.trials(), points)) {
            String count = k.trials() > 0 ? Format.plural(k.trials(), "trial")
                    : Format.plural(k.points().size(), "point");
            out.add(k.kind() + " in " + count + ": " + k.advice());
        }
        return out;
    }

    public static List<Path> write(Path resultsDir, ReportInput in) {
        List<PointSummary> points = PointSummaries.of(in.trials(), in.baseline());
        List<Path> written = new ArrayList<>();
        Path summary = resultsDir.resolve(SUMMARY);
        SummaryCsv.write(summary, points);
        written.add(summary);

        List<String> notes = new ArrayList<>();
        List<ReportMarkdown.ChartRef> refs = new ArrayList<>();
        if (!points.isEmpty()) {
            String caption = ChartCaption.of(in.trials());
            Optional<ReferenceCurve> reference = reference(in, notes);
            chart(resultsDir, ThroughputChart.build(points, caption), ThroughputChart.FILE_STEM,
                    "Throughput vs senders", written, refs);
            chart(resultsDir, ScalingChart.build(points, caption, reference),
                    ScalingChart.FILE_STEM, "Throughput relative to "
                            + Format.senders(ScalingChart.baseSenders(points)), written, refs);
            Optional<XYChart> baseline = BaselineChart.build(points, in.baseline(), caption);
            if (baseline.isPresent()) {
                chart(resultsDir, baseline.get(), BaselineChart.FILE_STEM,
                        "Throughput relative to " + in.baseline(), written, refs);
            } else {
                removeStale(resultsDir.resolve(CHARTS), BaselineChart.FILE_STEM);
                notes.add(in.baseline() == null
                        ? "No baseline chart: the spec names no baseline receiver."
                        : "No baseline chart: the baseline receiver " + in.baseline()
                                + " has no results to divide by.");
            }
            cpuCharts(resultsDir, points, caption, written, refs, notes);
        }
        List<String> resources = new ArrayList<>(ResourceFindings.lines(points, in.baseline()));
        resources.addAll(ResourceTables.lines(points));
        try {
            resources.addAll(SyscallTable.lines(SyscallsCsv.read(resultsDir.resolve(
                    SyscallsCsv.FILE))));
        } catch (ResultsException e) {
            resources.add("The system call counts are not shown: " + e.getMessage());
        }

        Path report = resultsDir.resolve(REPORT);
        List<String> files = new ArrayList<>(written.stream()
                .map(p -> resultsDir.relativize(p).toString()).toList());
        files.add(REPORT);
        inputs(resultsDir, files);
        write(report, ReportMarkdown.render(in, points, refs, notes, files, resources));
        written.add(report);
        LOG.debug("{}: wrote {} files into {}", in.specName(), written.size(), resultsDir);
        return written;
    }

    private static void cpuCharts(Path dir, List<PointSummary> points, String caption,
            List<Path> written, List<ReportMarkdown.ChartRef> refs, List<String> notes) {
        if (!CpuPerMessageChart.hasData(points)) {
            removeStale(dir.resolve(CHARTS), CpuPerMessageChart.FILE_STEM);
            removeStale(dir.resolve(CHARTS), CpuShareChart.FILE_STEM);
            notes.add("No CPU charts: no trial had its resource use measured.");
            return;
        }
        chart(dir, CpuPerMessageChart.build(points, caption), CpuPerMessageChart.FILE_STEM,
                CpuPerMessageChart.TITLE, written, refs);
        chart(dir, CpuShareChart.build(points, caption), CpuShareChart.FILE_STEM,
                CpuShareChart.TITLE, written, refs);
    }

    private static Optional<ReferenceCurve> reference(ReportInput in, List<String> notes) {
        try {
            return in.referenceCsv().map(ReferenceCurve::read);
        } catch (ResultsException e) {
            notes.add("The published curve is not drawn: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void chart(Path dir, XYChart chart, String stem, String title,
            List<Path> written, List<ReportMarkdown.ChartRef> refs) {
        written.addAll(ChartFiles.write(chart, dir.resolve(CHARTS), stem));
        refs.add(new ReportMarkdown.ChartRef(title, CHARTS + "/" + stem + ".png",
                CHARTS + "/" + stem + ".svg"));
    }

    private static void removeStale(Path chartsDir, String stem) {
        try {
            Files.deleteIfExists(chartsDir.resolve(stem + ".png"));
            Files.deleteIfExists(chartsDir.resolve(stem + ".svg"));
        } catch (IOException e) {
            throw new ResultsException("cannot remove the old " + stem + " chart in "
                    + chartsDir + ": " + e.getMessage(), e);
        }
    }

    /** The other files of the folder (spec, trials, environment, logs), for the file list. */
    private static void inputs(Path dir, List<String> files) {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> dir.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(name -> !files.contains(name) && !name.equals(CHARTS + "/"))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new ResultsException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ResultsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
