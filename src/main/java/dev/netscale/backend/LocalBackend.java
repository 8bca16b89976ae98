package dev.netscale.backend;

import dev.netscale.env.Host;
import dev.netscale.measure.SenderReport;
import dev.netscale.plan.Trial;
import dev.netscale.resources.ProbeTarget;
import dev.netscale.resources.ResourceProbe;
import dev.netscale.resources.ResourceUse;
import dev.netscale.resources.StraceSummary;
import dev.netscale.resources.SyscallCounts;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs receivers and senders as plain processes on this host, pinned with {@code taskset}.
 * The receiver binds port 0 and prints its port, so no port is chosen in advance and no other
 * program can take it first. A {@link ResourceProbe} reads the receiver's resource use from
 * its released line to its done line; a traced trial also attaches {@code strace -c -f} to it
 * from its ready line to its done line.
 */
public final class LocalBackend implements Backend, SyscallProfiling {
    private static final Logger log = LoggerFactory.getLogger(LocalBackend.class);
    private static final String STRACE_OUT = "strace.txt";

    private final Artifacts artifacts;
    private final Launchers launchers;
    private final ProcessTracker processes = new ProcessTracker();

    public LocalBackend(Artifacts artifacts, Launchers launchers) {
        this.artifacts = artifacts;
        this.launchers = launchers;
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public void prepare(ExperimentSpec spec, List<Trial> trials) {
        if (!Files.isExecutable(Path.of("/usr/bin/taskset"))
                && !Files.isExecutable(Path.of("/bin/taskset"))) {
            throw new RuntimeUnavailableException("taskset not found; install util-linux"
                    + " (apt-get install util-linux, as root)");
        }
        Artifacts.require(artifacts.sender(), "the sender");
        trials.stream().map(Trial::receiver).distinct()
                .forEach(r -> launchers.forRuntime(r.runtime()).prepare(r));
    }

    @Override
    public TrialOutput run(ExperimentSpec spec, Trial trial, Path logs) {
        return run(spec, trial, logs, false);
    }

    @Override
    public TrialOutput runTraced(ExperimentSpec spec, Trial trial, Path logs) {
        return run(spec, trial, logs, true);
    }

    private TrialOutput run(ExperimentSpec spec, Trial trial, Path logs, boolean traced) {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        ReceiverSpec r = trial.receiver();
        ReceiverArgs args = ReceiverArgs.of(spec, trial);
        boolean hold = args.hold();
        List<String> cmd = taskset(trial.receiverCpus(),
                launchers.forRuntime(r.runtime()).command(r, args));
        log.debug("trial {}: {}", trial.index(), cmd);
        writeCommand(logs.resolve("receiver.cmd"), cmd);

        long t0 = System.nanoTime();
        long setupDeadline = t0 + spec.timeouts().setup().toNanos();
        Optional<String> failure = Optional.empty();
        String receiverCpus = "";
        long setupMillis = 0;
        long trialMillis = 0;
        int receiverExit = -1;
        List<Process> senders = new ArrayList<>();
        Process receiver = null;
        LineCollector out = null;
        Process strace = null;
        ResourceProbe probe = null;
        Optional<ResourceUse> resources = Optional.empty();
        Optional<SyscallCounts> syscalls = Optional.empty();
        try {
            receiver = processes.start(new ProcessBuilder(cmd)
                    .redirectError(logs.resolve("receiver.err").toFile()));
            out = new LineCollector(receiver.getInputStream(), logs.resolve("receiver.out"),
                    "receiver-" + trial.index());
            Process rp = receiver;
            String ready = out.await("ready", setupDeadline, "the receiver's ready line",
                    () -> exited(rp, "receiver", logs.resolve("receiver.err")));
            int port = Integer.parseInt(field(ready, "port"));
            receiverCpus = Host.allowedCpus(receiver.pid()).map(CpuSet::format).orElse("");
            if (traced) {
                strace = attachStrace(receiver.pid(), logs, setupDeadline);
            }
            if (!hold) {
                probe = startProbe(trial, receiver.pid());
            }

            for (SenderArgs s : SenderArgs.of(spec, trial, port)) {
                List<String> sc = new ArrayList<>(List.of(artifacts.sender().toString()));
                sc.addAll(s.args());
                senders.add(processes.start(new ProcessBuilder(taskset(trial.senderCpus(), sc))
                        .redirectOutput(logs.resolve("sender-" + s.index() + ".out").toFile())
                        .redirectError(logs.resolve("sender-" + s.index() + ".err").toFile())));
            }
            if (hold) {
                out.await("holding", setupDeadline, "the release of all " + trial.senders()
                        + " connections", () -> failedSender(senders, rp, logs));
                probe = startProbe(trial, receiver.pid());
                send(receiver, "go");
            }
            out.await("released", setupDeadline, "the release of all " + trial.senders()
                    + " connections", () -> failedSender(senders, rp, logs));
            long t1 = System.nanoTime();
            setupMillis = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
            long trialDeadline = t1 + spec.timeouts().trial().toNanos();
            out.await("done", trialDeadline, "the receiver's done line",
                    () -> failedSender(senders, rp, logs));
            trialMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            resources = finishProbe(trial, probe);
            if (strace != null) {
                syscalls = Optional.of(detachStrace(strace, logs));
            }
            for (Process s : senders) {
                long left = trialDeadline - System.nanoTime();
                if (!s.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    throw new TrialFailure("timed out waiting for the senders to exit");
                }
            }
            receiver.getOutputStream().close(); // tells the receiver to exit
            if (receiver.waitFor(spec.timeouts().setup().toMillis(), TimeUnit.MILLISECONDS)) {
                receiverExit = receiver.exitValue();
            }
        } catch (TrialFailure e) {
            failure = Optional.of(e.getMessage() + timeoutHint(e.getMessage(), spec));
        } catch (IOException e) {
            failure = Optional.of("cannot start " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        } finally {
            if (probe != null) {
                probe.close();
            }
            if (strace != null) {
                processes.end(strace);
            }
            senders.forEach(processes::end);
            if (receiver != null) {
                int status = processes.end(receiver);
                receiverExit = receiverExit >= 0 ? receiverExit : failure.isPresent() ? -1 : status;
            }
        }
        List<String> receiverLines = out == null ? List.of() : out.lines(5_000);
        return new TrialOutput(receiverLines, receiverExit, senderOutputs(senders, logs), failure,
                receiverCpus, setupMillis, trialMillis, logs, resources, syscalls);
    }

    /**
     * Starts reading the receiver's resource use. A probe that cannot start leaves the trial
     * without resource figures rather than failing it: the throughput is still good.
     */
    private static ResourceProbe startProbe(Trial trial, long pid) {
        try {
            return ResourceProbe.start(ProbeTarget.process(pid), trial.receiverCpus(),
                    trial.senderCpus());
        } catch (RuntimeException e) {
            log.warn("trial {}: the receiver's resource use is not measured: {}", trial.index(),
                    e.getMessage());
            return null;
        }
    }

    private static Optional<ResourceUse> finishProbe(Trial trial, ResourceProbe probe) {
        if (probe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(probe.finish());
        } catch (RuntimeException e) {
            log.warn("trial {}: the receiver's resource use is not measured: {}", trial.index(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Attaches {@code strace -c -f} to every thread of the receiver, present and future, and
     * waits until strace says it is attached, so that no message goes uncounted.
     */
    private Process attachStrace(long pid, Path logs, long deadlineNanos)
            throws IOException, InterruptedException {
        List<String> cmd = List.of("strace", "-c", "-f", "-o",
                logs.resolve(STRACE_OUT).toString(), "-p", Long.toString(pid));
        writeCommand(logs.resolve("strace.cmd"), cmd);
        Process strace = processes.start(new ProcessBuilder(cmd));
        LineCollector err = new LineCollector(strace.getErrorStream(), logs.resolve("strace.err"),
                "strace-" + pid);
        String line = err.await("strace:", deadlineNanos, "strace to attach to the receiver",
                () -> exited(strace, "strace", logs.resolve("strace.err")));
        if (!line.contains(" attached")) {
            throw new TrialFailure("strace could not attach to the receiver: " + line);
        }
        return strace;
    }

    /** Detaches strace (on SIGTERM it detaches and writes its table) and reads the table. */
    private static SyscallCounts detachStrace(Process strace, Path logs)
            throws InterruptedException {
        strace.destroy();
        if (!strace.waitFor(30, TimeUnit.SECONDS)) {
            throw new TrialFailure("strace did not detach from the receiver within 30 s");
        }
        List<String> table = LineCollector.readLines(logs.resolve(STRACE_OUT));
        try {
            return new SyscallCounts(SyscallCounts.ATTACH,
                    StraceSummary.parse(String.join("\n", table)));
        } catch (IllegalArgumentException e) {
            throw new TrialFailure("cannot read strace's counts in " + logs.resolve(STRACE_OUT)
                    + ": " + e.getMessage());
        }
    }

    private static void writeCommand(Path file, List<String> cmd) {
        try {
            Files.writeString(file, String.join(" ", cmd) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String timeoutHint(String reason, ExperimentSpec spec) {
        if (!reason.startsWith("timed out")) {
            return "";
        }
        return reason.contains("release") || reason.contains("ready")
                ? " (setup timeout " + spec.timeouts().setup().toSeconds() + " s)"
                : " (trial timeout " + spec.timeouts().trial().toSeconds() + " s)";
    }

    private static List<TrialOutput.SenderOutput> senderOutputs(List<Process> senders, Path logs) {
        List<TrialOutput.SenderOutput> out = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            List<String> lines = LineCollector.readLines(logs.resolve("sender-" + i + ".out"));
            Process p = senders.get(i);
            int exit = p.isAlive() ? -1 : p.exitValue();
            out.add(new TrialOutput.SenderOutput(i, lines, exit,
                    SenderReport.parse(lines).cpus()));
        }
        return out;
    }

    /** The reason to stop waiting, if a sender or the receiver died. */
    private static String failedSender(List<Process> senders, Process receiver, Path logs) {
        for (int i = 0; i < senders.size(); i++) {
            Process s = senders.get(i);
            if (!s.isAlive() && s.exitValue() != 0) {
                return "sender " + i + " exited with status " + s.exitValue()
                        + lastLine(logs.resolve("sender-" + i + ".out"))
                        + lastLine(logs.resolve("sender-" + i + ".err"));
            }
        }
        return exited(receiver, "receiver", logs.resolve("receiver.err"));
    }

    private static String exited(Process p, String what, Path stderr) {
        return p.isAlive() ? null : what + " exited with status " + p.exitValue()
                + lastLine(stderr);
    }

    private static String lastLine(Path file) {
        List<String> lines = LineCollector.readLines(file);
        return lines.isEmpty() ? "" : " (" + file.getFileName() + ": "
                + lines.get(lines.size() - 1) + ")";
    }

    /** Writes one line to the receiver's standard input. */
    private static void send(Process receiver, String line) {
        try {
            var in = receiver.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            throw new TrialFailure("cannot write \"" + line + "\" to the receiver: "
                    + e.getMessage());
        }
    }

    private static String field(String line, String key) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new TrialFailure("line '" + line + "' lacks " + key + "=");
    }

    static List<String> taskset(BitSet cpus, List<String> command) {
        List<String> out = new ArrayList<>(List.of("taskset", "-c", CpuSet.format(cpus)));
        out.addAll(command);
        return out;
    }

    @Override
    public Map<String, Object> describe(ExperimentSpec spec) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("backend", id());
        for (ReceiverSpec r : spec.receivers()) {
            d.put("receiver." + r.id(), launchers.forRuntime(r.runtime()).describe(r));
        }
        d.put("sender", artifacts.sender().toString());
        return d;
    }

    /** Child processes still alive; zero between trials. */
    public int liveProcesses() {
        return processes.liveCount();
    }

    @Override
    public void close() {
        processes.close();
    }
}
