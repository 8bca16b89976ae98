package dev.netscale.backend;

import dev.netscale.measure.SenderReport;
import dev.netscale.plan.Trial;
import dev.netscale.resources.ProbeTarget;
import dev.netscale.resources.ResourceProbe;
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
 * program can take it first. The steps of a trial are {@link TrialSteps}'; a traced trial
 * also attaches {@code strace -c -f} to the receiver from its ready line to its done line.
 */
public final class LocalBackend implements Backend, SyscallProfiling {
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
        return run(spec, trial, logs, false);
    }

    @Override
    public TrialOutput runTraced(ExperimentSpec spec, Trial trial, Path logs) {
        return run(spec, trial, logs, true);
    }

    private TrialOutput run(ExperimentSpec spec, Trial trial, Path logs, boolean traced) {
        ReceiverSpec r = trial.receiver();
        List<String> cmd = taskset(trial.receiverCpus(),
                launchers.forRuntime(r.runtime()).command(r, ReceiverArgs.of(spec, trial)));
        log.debug("trial {}: {}", trial.index(), cmd);
        return new ProcessTrial(spec, trial, logs, traced).run(cmd);
    }

    /** One trial's steps with plain processes. */
    private final class ProcessTrial extends TrialSteps {
        private final boolean traced;
        private final List<Process> senders = new ArrayList<>();
        private Process receiver;
        private StraceAttachment strace;

        ProcessTrial(ExperimentSpec spec, Trial trial, Path logs, boolean traced) {
            super(spec, trial, logs);
            this.traced = traced;
        }

        @Override
        protected LineCollector startReceiver(List<String> command, long deadlineNanos) {
            receiver = start(new ProcessBuilder(command)
                    .redirectError(logs.resolve("receiver.err").toFile()), "the receiver");
            return new LineCollector(receiver.getInputStream(), logs.resolve("receiver.out"),
                    "receiver-" + trial.index());
        }

        @Override
        protected Optional<Long> receiverPid() {
            return Optional.of(receiver.pid());
        }

        @Override
        protected void afterReady(long pid, long deadlineNanos) throws InterruptedException {
            if (traced) {
                strace = StraceAttachment.attach(processes, pid, logs, deadlineNanos);
            }
        }

        @Override
        protected void startSenders(List<SenderArgs> args, long deadlineNanos) {
            for (SenderArgs s : args) {
                List<String> sc = new ArrayList<>(List.of(artifacts.sender().toString()));
                sc.addAll(s.args());
                senders.add(start(new ProcessBuilder(taskset(trial.senderCpus(), sc))
                        .redirectOutput(logs.resolve("sender-" + s.index() + ".out").toFile())
                        .redirectError(logs.resolve("sender-" + s.index() + ".err").toFile()),
                        "sender " + s.index()));
            }
        }

        @Override
        protected void tellReceiver(String line) {
            try {
                var in = receiver.getOutputStream();
                in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                in.flush();
            } catch (IOException e) {
                throw new TrialFailure("cannot write \"" + line + "\" to the receiver: "
                        + e.getMessage());
            }
        }

        @Override
        protected String failure() {
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

        @Override
        protected ResourceProbe startProbe(long pid) {
            try {
                return ResourceProbe.start(ProbeTarget.process(pid), trial.receiverCpus(),
                        trial.senderCpus());
            } catch (RuntimeException e) {
                return probeUnavailable(e);
            }
        }

        @Override
        protected Optional<SyscallCounts> afterDone() throws InterruptedException {
            return strace == null ? Optional.empty() : Optional.of(strace.detach());
        }

        @Override
        protected void awaitSenders(long deadlineNanos) throws InterruptedException {
            for (Process s : senders) {
                if (!s.waitFor(Math.max(0, deadlineNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    throw new TrialFailure("timed out waiting for the senders to exit");
                }
            }
        }

        @Override
        protected int stopReceiver(long deadlineNanos) throws InterruptedException {
            try {
                receiver.getOutputStream().close(); // the end of input tells it to exit
            } catch (IOException e) {
                // It exited already; its status says how.
            }
            return receiver.waitFor(millisLeft(deadlineNanos), TimeUnit.MILLISECONDS)
                    ? receiver.exitValue() : -1;
        }

        @Override
        protected int cleanUp(boolean failed, int receiverStatus) {
            if (strace != null) {
                strace.end();
            }
            senders.forEach(processes::end);
            if (receiver == null) {
                return receiverStatus;
            }
            int status = processes.end(receiver);
            return receiverStatus >= 0 ? receiverStatus : failed ? -1 : status;
        }

        @Override
        protected List<String> receiverLines(LineCollector out) {
            return out == null ? List.of() : out.lines(5_000);
        }

        @Override
        protected List<TrialOutput.SenderOutput> senderOutputs() {
            List<TrialOutput.SenderOutput> out = new ArrayList<>();
            for (int i = 0; i < senders.size(); i++) {
                List<String> lines = LineCollector.readLines(logs.resolve("sender-" + i
                        + ".out"));
                Process p = senders.get(i);
                int exit = p.isAlive() ? -1 : p.exitValue();
                out.add(new TrialOutput.SenderOutput(i, lines, exit,
                        SenderReport.parse(lines).cpus()));
            }
            return out;
        }

        private Process start(ProcessBuilder builder, String what) {
            try {
                return processes.start(builder);
            } catch (IOException e) {
                throw new TrialFailure("cannot start " + what + " (" + builder.command().get(0)
                        + "): " + e.getMessage());
            }
        }
    }

    private static String exited(Process p, String what, Path stderr) {
        return p.isAlive() ? null : what + " exited with status " + p.exitValue()
                + TrialSteps.lastLine(stderr);
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
