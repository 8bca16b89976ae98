package dev.netscale.backend;

import dev.netscale.env.Host;
import dev.netscale.measure.SenderReport;
import dev.netscale.plan.Trial;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * program can take it first.
 */
public final class LocalBackend implements Backend {
    private static final Logger log = LoggerFactory.getLogger(LocalBackend.class);

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
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        ReceiverSpec r = trial.receiver();
        var msg = spec.message();
        ReceiverArgs args = new ReceiverArgs(0, trial.senders(), msg.sizeBytes(),
                spec.start().id(), msg.warmup(), msg.tcpNoDelay(), r.fault());
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

            for (SenderArgs s : SenderArgs.of(spec, trial, port)) {
                List<String> sc = new ArrayList<>(List.of(artifacts.sender().toString()));
                sc.addAll(s.args());
                senders.add(processes.start(new ProcessBuilder(taskset(trial.senderCpus(), sc))
                        .redirectOutput(logs.resolve("sender-" + s.index() + ".out").toFile())
                        .redirectError(logs.resolve("sender-" + s.index() + ".err").toFile())));
            }
            out.await("released", setupDeadline, "the release of all " + trial.senders()
                    + " connections", () -> failedSender(senders, rp, logs));
            long t1 = System.nanoTime();
            setupMillis = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
            long trialDeadline = t1 + spec.timeouts().trial().toNanos();
            out.await("done", trialDeadline, "the receiver's done line",
                    () -> failedSender(senders, rp, logs));
            trialMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
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
            senders.forEach(processes::end);
            if (receiver != null) {
                int status = processes.end(receiver);
                receiverExit = receiverExit >= 0 ? receiverExit : failure.isPresent() ? -1 : status;
            }
        }
        List<String> receiverLines = out == null ? List.of() : out.lines(5_000);
        return new TrialOutput(receiverLines, receiverExit, senderOutputs(senders, logs), failure,
                receiverCpus, setupMillis, trialMillis, logs);
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
