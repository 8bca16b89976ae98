package dev.netscale.cli;

import dev.netscale.backend.Backend;
import dev.netscale.backend.Backends;
import dev.netscale.calibrate.Calibration;
import dev.netscale.calibrate.CeilingShare;
import dev.netscale.env.Environment;
import dev.netscale.env.Host;
import dev.netscale.measure.SyscallProfiler;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResultsException;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.SyscallsCsv;
import dev.netscale.results.TrialsCsv;
import dev.netscale.run.Runner;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecException;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs an experiment spec and writes its results folder.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "YAML experiment spec")
    Path spec;

    @Option(names = "--backend", description = "local or docker (default: the spec's)")
    ExperimentSpec.Backend backend;

    @Option(names = "--out", description = "folder for results (default: ${DEFAULT-VALUE})",
            defaultValue = "results")
    Path out;

    @Option(names = "--repetitions", description = "overrides the spec's repetitions")
    Integer repetitions;

    @Option(names = "--dry-run", description = "prints the trial plan and an estimated time")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "finishes an interrupted run in its results folder")
    Path resume;

    @Option(names = "--profile", description = "after the trials, counts each receiver's"
            + " system calls in one extra trial with strace -c -f attached (as the spec's"
            + " profile: key); for counts only, never for throughput")
    boolean profile;

    @Override
    public Integer call() {
        if ((spec == null) == (resume == null)) {
            command.commandLine().getErr().println("netscale run: give either SPEC or --resume DIR");
            return Netscale.BAD_INPUT;
        }
        ExperimentSpec s;
        ResultsFolder folder = null;
        try {
            if (resume != null) {
                folder = ResultsFolder.open(resume);
                s = new SpecLoader(Host.allowedCpus()).load(folder.spec());
            } else {
                s = new SpecLoader(Host.allowedCpus()).load(spec);
            }
        } catch (SpecException | ResultsException e) {
            command.commandLine().getErr().println(e.getMessage());
            return Netscale.BAD_INPUT;
        }
        ExperimentSpec.Backend backendId = backend != null ? backend : s.backend();
        RunSettings settings = RunSettings.of(s, repetitions,
                folder == null ? Map.of() : folder.readEnvironment());
        List<Trial> trials = Planner.plan(s, settings.repetitions(), Host.allowedCpus(),
                settings.shuffle(), settings.seed());
        Console console = new Console(command.commandLine().getOut());
        console.header(s, backendId, trials, settings);
        if (dryRun) {
            console.estimate(trials, s, backendId);
            return 0;
        }
        Artifacts artifacts = Artifacts.fromEnvironment();
        try (Backend b = Backends.create(backendId, artifacts)) {
            b.prepare(s, trials);
            if (folder == null) {
                folder = ResultsFolder.create(out, s);
                Map<String, Object> env = Environment.collect(artifacts.home());
                env.put("netscale", settings.toMap(b.id(), TrialsCsv.SCHEMA_VERSION, s.hash()));
                env.put("runtimes", b.describe(s));
                // Written before calibrating, so that a run stopped while it calibrates
                // resumes with its own seed and repetitions.
                folder.writeEnvironment(env);
            }
            console.line("# results: " + folder.dir());
            Thread resumeHint = resumeHint(folder.dir());
            Runtime.getRuntime().addShutdownHook(resumeHint);
            try {
                calibrateUnlessDone(s, trials, folder, console);
                new Runner(b, console).run(s, trials, folder, settings.convergence());
                if (profile || s.profile().enabled()) {
                    profile(s, b, folder, console);
                }
            } finally {
                removeHook(resumeHint);
            }
        } catch (RuntimeUnavailableException e) {
            command.commandLine().getErr().println("netscale run: " + e.getMessage());
            command.commandLine().getErr().println(
                    "(`netscale doctor` lists what is installed and what is missing)");
            return Netscale.BAD_INPUT;
        }
        return ReportCommand.writeReport(folder, console);
    }

    /**
     * Calibrates the host before the first trial, and again on resuming a run that was
     * stopped while calibrating, so that every results folder describes its host.
     */
    private static void calibrateUnlessDone(ExperimentSpec s, List<Trial> trials,
            ResultsFolder folder, Console console) {
        Map<String, Object> env = new LinkedHashMap<>(folder.readEnvironment());
        if (env.containsKey(CeilingShare.KEY)) {
            return;
        }
        console.line("# calibrating the host: " + s.calibration()
                .map(d -> "sockperf ping-pong for " + d.toSeconds() + " s, ")
                .orElse("") + "load, steal, governor, JVM ergonomics");
        Calibration calibration = Calibration.before(s, trials, Host.allowedCpus());
        env.putAll(calibration.environment());
        console.calibrated(calibration);
        folder.writeEnvironment(env);
    }

    /** One extra traced trial per receiver, into syscalls.csv; see {@link SyscallProfiler}. */
    private static void profile(ExperimentSpec s, Backend b, ResultsFolder folder,
            Console console) {
        int senders = SyscallProfiler.senders(s.senders().counts(), s.profile().senders());
        console.line("# profiling: one extra trial per receiver at " + senders
                + (senders == 1 ? " sender" : " senders") + " with strace -c -f attached to"
                + " the receiver, for system call counts only (never for throughput)");
        new SyscallProfiler(b, p -> console.line(String.format(Locale.ROOT, "  %-14s %s",
                p.receiver(), p.ok() ? String.format(Locale.ROOT, "%.2f system calls per"
                        + " message, by kind in %s", p.totalPerMessage(), SyscallsCsv.FILE)
                        : "not counted: " + p.failure())))
                .run(s, senders, Host.allowedCpus(), folder.dir());
    }

    /** Says how to finish a run that is stopped (Ctrl-C, SIGTERM) before its end. */
    private Thread resumeHint(Path dir) {
        java.io.PrintWriter err = command.commandLine().getErr();
        return new Thread(() -> {
            err.println("# interrupted: the trials measured so far are in " + dir
                    + "; finish the run with ./netscale run --resume " + dir);
            err.flush();
        }, "netscale-resume-hint");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hint is being printed.
        }
    }
}
