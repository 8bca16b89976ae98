package dev.netscale.compare;

import dev.netscale.check.MeasuredRun;
import dev.netscale.report.ComparisonChart;
import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a comparison: compare.md, compare.csv and the chart, and its console table. */
public final class ComparisonReport {
    public static final String MARKDOWN = "compare.md";
    public static final String CSV = "compare.csv";
    public static final String CHARTS = "charts";

    private ComparisonReport() {
    }

    /** One line per point; the heading first. */
    public static List<String> table(Comparison c) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-14s %7s %14s %3s %14s %3s %9s %17s %9s  %s",
                "receiver", "senders", "A msg/s", "n", "B msg/s", "n", "B vs A", "95% CI",
                "p (Holm)", "significant"));
        for (Comparison.Point p : c.points()) {
            out.add(String.format(Locale.ROOT, "%-14s %7d %,14.0f %3d %,14.0f %3d %9s %17s %9s  %s",
                    p.key().receiver(), p.key().senders(), p.a().mean(), p.a().n(),
                    p.b().mean(), p.b().n(), percent(p.relativeDifference()), interval(p),
                    pValue(p.holmP()), verdict(p)));
        }
        return out;
    }

    /**
     * Writes the files into {@code out}, creating it.
     *
     * @return the files written
     * @throws ResultsException naming a file that cannot be written
     */
    public static List<Path> write(Path out, MeasuredRun a, MeasuredRun b, Comparison c,
            List<String> notes) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            Path csv = out.resolve(CSV);
            Files.writeString(csv, csv(c));
            written.add(csv);
            written.addAll(ComparisonChart.write(out.resolve(CHARTS), chartLabel(a),
                    chartLabel(b), curves(c)));
            Path md = out.resolve(MARKDOWN);
            Files.writeString(md, markdown(a, b, c, notes));
            written.add(md);
        } catch (IOException e) {
            throw new ResultsException("cannot write the comparison into " + out + ": "
                    + e.getMessage(), e);
        }
        return written;
    }

    /** A run's label: its spec name and folder, such as quick/20260101T120000Z. */
    public static String label(MeasuredRun r) {
        return r.spec().name() + "/" + r.dir().toAbsolutePath().normalize().getFileName();
    }

    /**
     * A run's label with what the chart cannot show otherwise: its backend and its receivers'
     * CPU count, such as {@code quick/20260101T120000Z (docker, 1 receiver CPU)}.
     */
    static String chartLabel(MeasuredRun r) {
        List<Integer> cpus = r.receivers().stream().map(r::receiverCpus).filter(n -> n > 0)
                .distinct().sorted().toList();
        String cpuText = cpus.isEmpty() ? "" : ", " + cpus.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" or ")) + " receiver CPU"
                + (cpus.equals(List.of(1)) ? "" : "s");
        return label(r) + " (" + r.backend() + cpuText + ")";
    }

    private static String csv(Comparison c) {
        StringBuilder sb = new StringBuilder("receiver,senders,n_a,mean_a_msg_per_s,n_b,"
                + "mean_b_msg_per_s,relative_difference,ratio_ci95_low,ratio_ci95_high,"
                + "p_welch,p_holm,significant\n");
        for (Comparison.Point p : c.points()) {
            sb.append(String.join(",", p.key().receiver(), Integer.toString(p.key().senders()),
                    Integer.toString(p.a().n()), num(p.a().mean()), Integer.toString(p.b().n()),
                    num(p.b().mean()), num(p.relativeDifference()), num(p.ratio().ci95Low() - 1),
                    num(p.ratio().ci95High() - 1), num(p.pValue()), num(p.holmP()),
                    Boolean.toString(p.significant()))).append('\n');
        }
        return sb.toString();
    }

    private static String markdown(MeasuredRun a, MeasuredRun b, Comparison c,
            List<String> notes) {
        List<String> out = new ArrayList<>();
        out.add("# Comparison: " + label(a) + " (A) and " + label(b) + " (B)");
        out.add("");
        out.add("- A: `" + a.dir() + "`");
        out.add("- B: `" + b.dir() + "`");
        notes.forEach(n -> out.add("- Note: " + n));
        out.add("");
        out.add("\"B vs A\" is (B - A) / A of the mean throughputs, with the 95% interval of"
                + " B / A - 1 propagated from both runs. A difference is significant when"
                + " Welch's t-test, adjusted for all " + c.points().size() + " comparisons with"
                + " Holm's method, gives p < " + c.alpha() + "; a point with fewer than two"
                + " successful trials on either side cannot be tested.");
        out.add("");
        out.add("![Throughput of A (solid) and B (dashed)](" + CHARTS + "/"
                + ComparisonChart.FILE_STEM + ".png)");
        out.add("");
        Map<String, List<Comparison.Point>> byReceiver = new LinkedHashMap<>();
        c.points().forEach(p -> byReceiver.computeIfAbsent(p.key().receiver(),
                k -> new ArrayList<>()).add(p));
        byReceiver.forEach((receiver, points) -> {
            out.add("## " + receiver);
            out.add("");
            out.add("| senders | A msg/s (n) | B msg/s (n) | B vs A | 95% CI | p (Holm) |"
                    + " significant |");
            out.add("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            points.forEach(p -> out.add(String.format(Locale.ROOT,
                    "| %d | %,.0f (%d) | %,.0f (%d) | %s | %s | %s | %s |", p.key().senders(),
                    p.a().mean(), p.a().n(), p.b().mean(), p.b().n(),
                    percent(p.relativeDifference()), interval(p), pValue(p.holmP()),
                    verdict(p))));
            out.add("");
        });
        return String.join("\n", out).stripTrailing() + "\n";
    }

    private static List<ComparisonChart.Curve> curves(Comparison c) {
        Map<String, List<Comparison.Point>> byReceiver = new LinkedHashMap<>();
        c.points().forEach(p -> byReceiver.computeIfAbsent(p.key().receiver(),
                k -> new ArrayList<>()).add(p));
        List<ComparisonChart.Curve> out = new ArrayList<>();
        byReceiver.forEach((receiver, points) -> out.add(new ComparisonChart.Curve(receiver,
                points.stream().mapToDouble(p -> p.key().senders()).toArray(),
                points.stream().mapToDouble(p -> p.a().mean()).toArray(),
                points.stream().mapToDouble(p -> p.a().ci95HalfWidth()).toArray(),
                points.stream().mapToDouble(p -> p.b().mean()).toArray(),
                points.stream().mapToDouble(p -> p.b().ci95HalfWidth()).toArray())));
        return out;
    }

    private static String verdict(Comparison.Point p) {
        if (Double.isNaN(p.holmP())) {
            return "not tested";
        }
        return p.significant() ? (p.relativeDifference() > 0 ? "yes, B faster"
                : "yes, B slower") : "no";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }

    private static String interval(Comparison.Point p) {
        return p.ratio().hasInterval() ? String.format(Locale.ROOT, "%+.1f%% to %+.1f%%",
                (p.ratio().ci95Low() - 1) * 100, (p.ratio().ci95High() - 1) * 100) : "n/a";
    }

    private static String pValue(double p) {
        return Double.isNaN(p) ? "n/a" : p < 0.001 ? "<0.001"
                : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
