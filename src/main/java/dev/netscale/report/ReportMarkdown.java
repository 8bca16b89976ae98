package dev.netscale.report;

import dev.netscale.results.PointSummary;
import dev.netscale.results.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * report.md, the page a person reads first: the run, the findings in plain words, the
 * charts, a table per receiver, warnings with advice, failed trials and the files written.
 */
final class ReportMarkdown {

    /** A chart embedded in the report, by its paths relative to the results folder. */
    record ChartRef(String title, String png, String svg) {
    }

    private ReportMarkdown() {
    }

    static String render(ReportInput in, List<PointSummary> points, List<ChartRef> charts,
            List<String> chartNotes, List<String> files) {
        return render(in, points, charts, chartNotes, files, List.of());
    }

    /**
     * @param whereTheTimeGoes the CPU figures and system calls in words and tables; no
     *     section when empty
     */
    static String render(ReportInput in, List<PointSummary> points, List<ChartRef> charts,
            List<String> chartNotes, List<String> files, List<String> whereTheTimeGoes) {
        List<String> out = new ArrayList<>();
        out.add("# " + in.specName());
        out.add("");
        if (in.description() != null && !in.description().isBlank()) {
            out.add(in.description().strip());
            out.add("");
        }

        section(out, "The run", RunSection.lines(in.trials(), in.environment()));
        List<String> findings = new ArrayList<>();
        findings.add(Findings.HOW_TO_READ);
        findings.add("");
        smallHost(points).ifPresent(cpus -> {
            findings.add("This host gave the receiver " + Format.plural(cpus, "CPU") + ". With"
                    + " so few, the ratios below show how far more connections fill the"
                    + " receiver's idle time between round trips, not how a runtime's threads"
                    + " spread over cores; the published curve was measured with 20 receiver"
                    + " CPUs. The cost per message, under \"Where the time goes\", compares"
                    + " runtimes on any host.");
            findings.add("");
        });
        Findings.paragraphs(points, in.baseline()).forEach(p -> findings.add("- " + p));
        section(out, "Findings", points.isEmpty() ? List.of("No trials were recorded.")
                : findings);
        in.sections().forEach(s -> section(out, s.title(), s.lines()));
        if (!whereTheTimeGoes.isEmpty()) {
            section(out, "Where the time goes", whereTheTimeGoes);
        }

        List<String> chartLines = new ArrayList<>();
        charts.forEach(c -> {
            chartLines.add("![" + c.title() + "](" + c.png() + ")");
            chartLines.add("");
            chartLines.add("[" + c.title() + " as SVG](" + c.svg() + ")");
            chartLines.add("");
        });
        chartLines.addAll(chartNotes);
        section(out, "Charts", chartLines);
        section(out, "Points", PointTables.lines(points, in.baseline()));
        section(out, "Warnings", warnings(in, points));
        section(out, "Failed trials", failed(in.trials()));
        section(out, "Files", files.stream().map(f -> "- `" + f + "`").toList());
        return String.join("\n", out).stripTrailing() + "\n";
    }

    /** The receiver's CPU count when it is too small to show scaling across cores. */
    private static java.util.Optional<Integer> smallHost(List<PointSummary> points) {
        int cpus = points.stream().filter(ResourceFindings::measured)
                .mapToInt(p -> p.resources().receiverCpuCount()).max().orElse(0);
        return cpus > 0 && cpus <= ResourceFindings.SMALL_HOST_CPUS
                ? java.util.Optional.of(cpus) : java.util.Optional.empty();
    }

    private static void section(List<String> out, String title, List<String> lines) {
        out.add("## " + title);
        out.add("");
        out.addAll(lines);
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
            out.add("");
        }
    }

    private static List<String> warnings(ReportInput in, List<PointSummary> points) {
        List<String> out = new ArrayList<>();
        in.warnings().forEach(w -> out.add("- " + w));
        for (QualityWarnings.Kind k : QualityWarnings.of(in.trials(), points)) {
            List<String> where = new ArrayList<>(k.points());
            String places = where.size() <= 6 ? String.join(", ", where)
                    : String.join(", ", where.subList(0, 5)) + " and "
                            + Format.plural(where.size() - 5, "more point");
            String count = k.trials() > 0 ? Format.plural(k.trials(), "trial")
                    : Format.plural(where.size(), "point");
            out.add("- **" + k.kind() + "** (" + count + ": " + places + "): " + k.advice()
                    + ".");
        }
        return out.isEmpty() ? List.of("None.") : out;
    }

    private static List<String> failed(List<TrialRecord> trials) {
        List<String> out = trials.stream().filter(t -> !t.ok())
                .sorted(Comparator.comparingInt(TrialRecord::trial))
                .map(t -> "- " + t.receiver() + ", " + Format.senders(t.senders())
                        + ", repetition " + t.repetition() + " (trial " + t.trial() + "): "
                        + (t.failure() == null || t.failure().isBlank() ? "no reason recorded"
                                : t.failure())
                        + (t.logs() == null || t.logs().isBlank() ? ""
                                : "; logs in `" + t.logs() + "`"))
                .toList();
        return out.isEmpty() ? List.of("None: every trial succeeded.") : out;
    }
}
