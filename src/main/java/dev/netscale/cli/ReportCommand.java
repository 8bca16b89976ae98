package dev.netscale.cli;

import dev.netscale.calibrate.Calibration;
import dev.netscale.calibrate.CeilingShare;
import dev.netscale.check.CheckReport;
import dev.netscale.check.Checks;
import dev.netscale.check.MeasuredRun;
import dev.netscale.check.Outcome;
import dev.netscale.plan.ConvergenceRule;
import dev.netscale.report.ReportInput;
import dev.netscale.report.Reports;
import dev.netscale.results.PointKey;
import dev.netscale.results.ResultsException;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.SyscallsCsv;
import dev.netscale.results.TrialsCsv;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecException;
import dev.netscale.spec.SpecLoader;
import dev.netscale.stats.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Redraws the summary, charts and report of a results"
        + " folder from its CSV alone.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a folder such as"
            + " results/quick/20260101T120000Z")
    Path dir;

    @Override
    public Integer call() {
        try {
            return writeReport(ResultsFolder.open(dir), new Console(command.commandLine().getOut()));
        } catch (ResultsException | SpecException e) {
            command.commandLine().getErr().println("netscale report: " + e.getMessage());
            return Netscale.BAD_INPUT;
        }
    }

    /** Writes summary, charts and report, prints the summary table; exit status of the run. */
    static int writeReport(ResultsFolder folder, Console console) {
        ExperimentSpec spec = SpecLoader.withoutHostCheck().load(folder.spec());
        TrialsCsv.Contents contents = TrialsCsv.read(folder.trials());
        if (contents.specHash() != null && !contents.specHash().equals(spec.hash())) {
            throw new ResultsException(folder.trials() + " was measured under spec hash "
                    + contents.specHash() + " but " + folder.spec() + " hashes to " + spec.hash()
                    + "; the spec copy was edited, so the results cannot be reported under it");
        }
        List<TrialRecord> trials = inSpecOrder(spec, contents.trials());
        Path reference = folder.dir().resolve(ResultsFolder.REFERENCE);
        Map<String, Object> environment = folder.readEnvironment();
        List<String> runWarnings = runWarnings(spec, trials, environment);
        List<Outcome> outcomes = trials.isEmpty() || spec.expectations().isEmpty() ? List.of()
                : Checks.evaluate(MeasuredRun.read(folder.dir()));
        List<ReportInput.Section> sections = new ArrayList<>();
        if (!outcomes.isEmpty()) {
            sections.add(new ReportInput.Section(CheckReport.SECTION,
                    CheckReport.markdown(outcomes)));
        }
        CeilingShare.lines(environment, trials).ifPresent(lines -> sections.add(
                new ReportInput.Section(CeilingShare.SECTION, lines)));
        ReportInput input = new ReportInput(spec.name(), spec.description(), spec.baseline(),
                Files.exists(reference) ? Optional.of(reference) : Optional.empty(), trials,
                environment, runWarnings, sections);
        List<Path> written = Reports.write(folder.dir(), input);
        printSummary(console, trials);
        Reports.qualityWarnings(input).forEach(w -> console.line("# warning: " + w));
        runWarnings.forEach(w -> console.line("# warning: " + w));
        if (!outcomes.isEmpty()) {
            console.line("# reproduction checks: " + CheckReport.summary(outcomes)
                    + " (`netscale check` exits with 1 on a failure)");
            CheckReport.table(outcomes).forEach(console::line);
        }
        console.line("# files:");
        for (String name : List.of(ResultsFolder.SPEC, ResultsFolder.ENVIRONMENT,
                ResultsFolder.TRIALS, SyscallsCsv.FILE, ResultsFolder.REFERENCE)) {
            Path p = folder.dir().resolve(name);
            if (Files.exists(p)) {
                console.line("  " + p);
            }
        }
        written.forEach(p -> console.line("  " + p));
        Path logs = folder.dir().resolve("logs");
        if (Files.isDirectory(logs)) {
            console.line("  " + logs + "/ (each trial's raw output)");
        }
        long failed = trials.stream().filter(t -> !t.ok()).count();
        if (failed > 0) {
            console.line("# " + failed + " of " + trials.size() + " trials failed; see report.md");
            return Netscale.FAILED_TRIALS;
        }
        return 0;
    }

    /**
     * Trials by the spec's receiver order, then sender count and repetition: trials run
     * shuffled, and the report lists receivers in the order they first appear.
     */
    static List<TrialRecord> inSpecOrder(ExperimentSpec spec, List<TrialRecord> trials) {
        List<String> ids = spec.receivers().stream().map(ExperimentSpec.ReceiverSpec::id)
                .toList();
        return trials.stream().sorted(Comparator.comparingInt((TrialRecord t) -> {
            int i = ids.indexOf(t.receiver());
            return i < 0 ? ids.size() : i;
        }).thenComparing(TrialRecord::receiver).thenComparingInt(TrialRecord::senders)
                .thenComparingInt(TrialRecord::repetition)).toList();
    }

    /** Busy-host warnings recorded before the run, and points that did not converge. */
    static List<String> runWarnings(ExperimentSpec spec, List<TrialRecord> trials,
            Map<String, Object> environment) {
        List<String> out = new ArrayList<>();
        if (environment.get(Calibration.HEALTH) instanceof Map<?, ?> health
                && health.get("warnings") instanceof List<?> list) {
            list.forEach(w -> out.add(String.valueOf(w)));
        }
        // The rule the run used: --repetitions may have replaced the spec's.
        var rule = environment.containsKey("netscale")
                ? RunSettings.of(spec, null, environment).convergence() : spec.convergence();
        rule.ifPresent(r -> {
            var unconverged = ConvergenceRule.unconverged(r, trials);
            if (!unconverged.isEmpty()) {
                out.add("did not converge (" + unconverged.size() + " point"
                        + (unconverged.size() == 1 ? "" : "s") + "): " + String.join("; ",
                                unconverged.stream().map(ConvergenceRule.Unconverged::describe)
                                        .toList()) + "; raise convergence.max, measure on a"
                        + " quieter host, or move more messages per trial");
            }
        });
        return out;
    }

    private static void printSummary(Console console, List<TrialRecord> trials) {
        Map<PointKey, List<TrialRecord>> points = new LinkedHashMap<>();
        trials.stream().sorted(java.util.Comparator.comparing(TrialRecord::receiver)
                .thenComparingInt(TrialRecord::senders))
                .forEach(t -> points.computeIfAbsent(t.point(), k -> new ArrayList<>()).add(t));
        int width = Console.idWidth(points.keySet().stream().map(PointKey::receiver));
        console.line(String.format(Locale.ROOT, "%-" + width + "s %7s %14s %12s %4s %6s",
                "receiver", "senders", "msg/s (mean)", "95% CI +-", "n", "failed"));
        points.forEach((p, list) -> {
            Sample s = Sample.of(list.stream().filter(TrialRecord::ok)
                    .mapToDouble(TrialRecord::throughput).toArray());
            long failed = list.stream().filter(t -> !t.ok()).count();
            console.line(String.format(Locale.ROOT, "%-" + width + "s %7d %,14.0f %12s %4d %6s",
                    p.receiver(), p.senders(), s.mean(),
                    s.hasInterval() ? String.format(Locale.ROOT, "%,.0f", s.ci95HalfWidth())
                            : "n/a",
                    s.n(), failed == 0 ? "" : Long.toString(failed)));
        });
    }
}
