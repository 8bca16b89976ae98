package dev.netscale.cli;

import dev.netscale.check.MeasuredRun;
import dev.netscale.compare.Comparability;
import dev.netscale.compare.Comparison;
import dev.netscale.compare.ComparisonReport;
import dev.netscale.results.ResultsException;
import dev.netscale.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two results folders point by point: the"
        + " difference of each receiver at each sender count and whether it is significant.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "RESULTS_A", description = "the run compared against")
    Path a;

    @Parameters(index = "1", paramLabel = "RESULTS_B", description = "the run compared")
    Path b;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for compare.md,"
            + " compare.csv and the chart (default: results/compare/<A>-vs-<B>)")
    Path out;

    @Override
    public Integer call() {
        Console console = new Console(command.commandLine().getOut());
        MeasuredRun runA;
        MeasuredRun runB;
        try {
            runA = MeasuredRun.read(a);
            runB = MeasuredRun.read(b);
        } catch (ResultsException | SpecException e) {
            command.commandLine().getErr().println("netscale compare: " + e.getMessage());
            return Netscale.BAD_INPUT;
        }
        List<String> refusals = Comparability.refusals(runA, runB);
        if (!refusals.isEmpty()) {
            command.commandLine().getErr().println("netscale compare: " + a + " and " + b
                    + " cannot be compared:");
            refusals.forEach(r -> command.commandLine().getErr().println("  " + r));
            return Netscale.BAD_INPUT;
        }
        Comparison comparison = Comparison.of(runA, runB);
        List<String> notes = Comparability.notes(runA, runB);
        console.line("# A: " + ComparisonReport.label(runA) + " (" + a + ")");
        console.line("# B: " + ComparisonReport.label(runB) + " (" + b + ")");
        notes.forEach(n -> console.line("# note: " + n));
        ComparisonReport.table(comparison).forEach(console::line);
        long significant = comparison.points().stream().filter(Comparison.Point::significant)
                .count();
        // A point with fewer than two trials on either side has no p-value: it cannot be tested.
        long tested = comparison.points().stream().filter(p -> !Double.isNaN(p.pValue()))
                .count();
        console.line(tested == 0
                ? "# none of the " + comparison.points().size() + " points could be tested:"
                        + " Welch's t-test needs at least two trials per point in each run"
                : "# " + significant + " of " + tested + " tested points differ significantly"
                        + " (Welch's t-test, Holm-adjusted p < " + Comparison.ALPHA + "); "
                        + (comparison.points().size() - tested) + " could not be tested");
        Path dir = out != null ? out : Path.of("results", "compare", runA.spec().name() + "-"
                + name(a) + "-vs-" + runB.spec().name() + "-" + name(b));
        try {
            List<Path> written = ComparisonReport.write(dir, runA, runB, comparison, notes);
            console.line("# written:");
            written.forEach(p -> console.line("  " + p));
        } catch (ResultsException e) {
            command.commandLine().getErr().println("netscale compare: " + e.getMessage());
            return Netscale.BAD_INPUT;
        }
        return 0;
    }

    private static String name(Path dir) {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }
}
