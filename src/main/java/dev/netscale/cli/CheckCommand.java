package dev.netscale.cli;

import dev.netscale.check.CheckReport;
import dev.netscale.check.Checks;
import dev.netscale.check.MeasuredRun;
import dev.netscale.check.Outcome;
import dev.netscale.report.Reports;
import dev.netscale.results.ResultsException;
import dev.netscale.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks a results folder against its spec's expect:"
        + " section; exits with 1 when an expectation fails.")
final class CheckCommand implements Callable<Integer> {
    /** Exit status when an expectation fails. */
    static final int FAILED_EXPECTATION = 1;

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a folder such as"
            + " results/small-host/20260101T120000Z")
    Path dir;

    @Option(names = "--no-write", description = "prints the table without updating report.md")
    boolean noWrite;

    @Override
    public Integer call() {
        Console console = new Console(command.commandLine().getOut());
        try {
            return check(MeasuredRun.read(dir), console, !noWrite);
        } catch (ResultsException | SpecException e) {
            command.commandLine().getErr().println("netscale check: " + e.getMessage());
            return Netscale.BAD_INPUT;
        }
    }

    /** Prints the table and, when asked, puts it into report.md; the exit status of a check. */
    static int check(MeasuredRun run, Console console, boolean write) {
        List<Outcome> outcomes = Checks.evaluate(run);
        console.line("# reproduction checks of " + run.dir() + " (spec " + run.spec().name()
                + "): " + CheckReport.summary(outcomes));
        if (outcomes.isEmpty()) {
            console.line("# the spec states no expectations; add an expect: section");
            return 0;
        }
        CheckReport.table(outcomes).forEach(console::line);
        Path report = run.dir().resolve(Reports.REPORT);
        if (write && Files.exists(report)) {
            CheckReport.writeInto(report, outcomes);
            console.line("# written: " + report + " (section " + CheckReport.SECTION + ")");
        } else if (write) {
            console.line("# no " + Reports.REPORT + " in " + run.dir() + "; `netscale report "
                    + run.dir() + "` writes one with this section");
        }
        return CheckReport.failed(outcomes) ? FAILED_EXPECTATION : 0;
    }
}
