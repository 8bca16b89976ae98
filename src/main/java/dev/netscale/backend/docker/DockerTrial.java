package dev.netscale.backend.docker;

import dev.netscale.backend.LineCollector;
import dev.netscale.backend.SenderArgs;
import dev.netscale.backend.TrialFailure;
import dev.netscale.backend.TrialOutput;
import dev.netscale.env.Host;
import dev.netscale.measure.SenderReport;
import dev.netscale.plan.Trial;
import dev.netscale.resources.CgroupCpu;
import dev.netscale.resources.ProbeTarget;
import dev.netscale.resources.ResourceProbe;
import dev.netscale.resources.ResourceUse;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trial in containers: the receiver container first, attached before it starts so that no
 * output is lost; after its ready line the sender containers, started in parallel; then the
 * release, the done line, the senders' exit, their logs, and the receiver's exit, told through
 * its standard input. Container start-up counts against the setup timeout and stays out of the
 * measured window, which the receiver opens only once every connection is in. Every container
 * of the trial is removed at the end, whatever happened.
 */
final class DockerTrial {
    private static final Logger log = LoggerFactory.getLogger(DockerTrial.class);

    private final TrialContainers containers;
    private final ExperimentSpec spec;
    private final Trial trial;
    private final Path logs;
    private final String receiverImage;
    private final String senderImage;
    private final Consumer<DockerBackend.Released> afterRelease;

    private String[] senderIds = new String[0];
    private List<CompletableFuture<Integer>> senderExits = List.of();
    private CompletableFuture<Integer> receiverExit = new CompletableFuture<>();

    DockerTrial(TrialContainers containers, ExperimentSpec spec, Trial trial, Path logs,
            String receiverImage, String senderImage,
            Consumer<DockerBackend.Released> afterRelease) {
        this.containers = containers;
        this.spec = spec;
        this.trial = trial;
        this.logs = logs;
        this.receiverImage = receiverImage;
        this.senderImage = senderImage;
        this.afterRelease = afterRelease;
    }

    /** @param cmd the receiver's command line inside its image */
    TrialOutput run(List<String> cmd) {
        writeCommand(cmd);
        long t0 = System.nanoTime();
        long setupDeadline = t0 + spec.timeouts().setup().toNanos();
        Optional<String> failure = Optional.empty();
        String receiverCpus = "";
        long setupMillis = 0;
        long trialMillis = 0;
        int receiverStatus = -1;
        String receiverId = null;
        LineCollector out = null;
        List<SenderArgs> senders = List.of();
        ResourceProbe probe = null;
        Optional<ResourceUse> resources = Optional.empty();
        try (containers) {
            try {
                String receiver = containers.create(receiverImage, cmd, trial.receiverCpus(),
                        "receiver", Recipes.needsTmp(trial.receiver()), true);
                receiverId = receiver;
                // The attach stream is read live for the ready, released and done lines; the
                // records are read afterwards from the container's logs (below), because the
                // attach stream was seen to mix bytes of stdout into stderr when a receiver
                // prints many lines at once.
                FrameStreams frames = new FrameStreams(logs.resolve("receiver.attach.err"));
                StdinLines stdin = containers.keep(new StdinLines());
                containers.keep(containers.docker().attachContainerCmd(receiver)
                        .withStdIn(stdin).withStdOut(true).withStdErr(true)
                        .withFollowStream(true).withLogs(true).exec(frames));
                if (!frames.awaitStarted(millisLeft(setupDeadline), TimeUnit.MILLISECONDS)) {
                    throw new TrialFailure("timed out attaching to the receiver container");
                }
                out = new LineCollector(frames.stdout(), logs.resolve("receiver.attach.out"),
                        "receiver-" + trial.index());
                containers.docker().startContainerCmd(receiver).exec();
                receiverExit = containers.exitOf(receiver);
                String ready = out.await("ready", setupDeadline, "the receiver's ready line",
                        this::receiverExited);
                int port = Integer.parseInt(field(ready, "port"));
                Optional<Long> pid = containers.pid(receiver);
                receiverCpus = pid.flatMap(Host::allowedCpus).map(CpuSet::format).orElse("");

                boolean hold = ReceiverArgs.of(spec, trial).hold();
                if (!hold) {
                    probe = pid.map(this::startProbe).orElse(null);
                }
                senders = SenderArgs.of(spec, trial, port);
                startSenders(senders, setupDeadline);
                if (hold) {
                    out.await("holding", setupDeadline, "the release of all " + trial.senders()
                            + " connections", this::failedContainer);
                    probe = pid.map(this::startProbe).orElse(null);
                    stdin.send("go");
                }
                out.await("released", setupDeadline, "the release of all " + trial.senders()
                        + " connections", this::failedContainer);
                long t1 = System.nanoTime();
                setupMillis = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
                afterRelease.accept(new DockerBackend.Released(trial, receiver,
                        List.of(senderIds)));
                long trialDeadline = t1 + spec.timeouts().trial().toNanos();
                out.await("done", trialDeadline, "the receiver's done line",
                        this::failedContainer);
                trialMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
                resources = finishProbe(probe);
                for (CompletableFuture<Integer> exit : senderExits) {
                    await(exit, trialDeadline, "the sender containers to exit");
                }
                collectSenderLogs();
                stdin.send("exit");
                receiverStatus = await(receiverExit, System.nanoTime()
                        + spec.timeouts().setup().toNanos(), "the receiver container to exit");
            } catch (TrialFailure e) {
                failure = Optional.of(e.getMessage() + timeoutHint(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = Optional.of("interrupted");
            } catch (RuntimeException e) {
                // docker-java reports a daemon that refused a command as an unchecked exception.
                failure = Optional.of("docker: " + DockerConnection.rootCause(e));
            } finally {
                if (probe != null) {
                    probe.close();
                }
                if (failure.isPresent()) {
                    collectSenderLogs();
                }
                if (receiverId != null) {
                    containers.writeLogs(receiverId, logs.resolve("receiver.out"),
                            logs.resolve("receiver.err"));
                }
            }
        }
        List<String> receiverLines = LineCollector.readLines(logs.resolve("receiver.out"));
        if (receiverLines.isEmpty() && out != null) {
            receiverLines = out.lines(5_000);
        }
        return new TrialOutput(receiverLines, receiverStatus, senderOutputs(senders.size()),
                failure, receiverCpus, setupMillis, trialMillis, logs, resources,
                Optional.empty());
    }

    /** Creates and starts the sender containers in parallel; each one's exit is watched. */
    private void startSenders(List<SenderArgs> senders, long deadline)
            throws InterruptedException {
        senderIds = new String[senders.size()];
        List<CompletableFuture<Integer>> exits = new ArrayList<>();
        senders.forEach(s -> exits.add(new CompletableFuture<>()));
        senderExits = exits;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = new ArrayList<>();
            for (SenderArgs s : senders) {
                started.add(pool.submit(() -> {
                    List<String> cmd = new ArrayList<>(List.of(Recipes.SENDER));
                    cmd.addAll(s.args());
                    String id = containers.create(senderImage, cmd, trial.senderCpus(),
                            "sender-" + s.index(), false, false);
                    senderIds[s.index()] = id;
                    containers.docker().startContainerCmd(id).exec();
                    containers.exitOf(id).whenComplete((code, err) -> {
                        if (err != null) {
                            exits.get(s.index()).completeExceptionally(err);
                        } else {
                            exits.get(s.index()).complete(code);
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> f : started) {
                try {
                    f.get(millisLeft(deadline), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw new TrialFailure("cannot start a sender container: "
                            + DockerConnection.rootCause(e));
                } catch (TimeoutException e) {
                    throw new TrialFailure("timed out starting the sender containers");
                }
            }
        }
    }

    private static int await(CompletableFuture<Integer> exit, long deadlineNanos, String what)
            throws InterruptedException {
        try {
            return exit.get(millisLeft(deadlineNanos), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TrialFailure("timed out waiting for " + what);
        } catch (ExecutionException e) {
            throw new TrialFailure("lost track of a container while waiting for " + what + ": "
                    + DockerConnection.rootCause(e));
        }
    }

    /**
     * Starts reading the receiver container's resource use: its cgroup's CPU time and its
     * threads, seen from the host. A probe that cannot start leaves the trial without resource
     * figures rather than failing it, as in the local backend.
     */
    private ResourceProbe startProbe(long pid) {
        try {
            ProbeTarget target = CgroupCpu.ofProcess(pid)
                    .map(c -> ProbeTarget.container(pid, c.dir()))
                    .orElse(ProbeTarget.process(pid));
            return ResourceProbe.start(target, trial.receiverCpus(), trial.senderCpus());
        } catch (RuntimeException e) {
            log.warn("trial {}: the receiver's resource use is not measured: {}",
                    trial.index(), e.getMessage());
            return null;
        }
    }

    private Optional<ResourceUse> finishProbe(ResourceProbe probe) {
        if (probe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(probe.finish());
        } catch (RuntimeException e) {
            log.warn("trial {}: the receiver's resource use is not measured: {}",
                    trial.index(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The reason to stop waiting, if a sender container or the receiver's exited badly. */
    private String failedContainer() {
        for (int i = 0; i < senderExits.size(); i++) {
            Integer code = senderExits.get(i).getNow(null);
            if (code != null && code != 0) {
                collectLogs(i);
                return "sender " + i + " exited with status " + code
                        + containers.killedHow(senderIds[i], code)
                        + lastLine(logs.resolve("sender-" + i + ".out"))
                        + lastLine(logs.resolve("sender-" + i + ".err"));
            }
        }
        return receiverExited();
    }

    private String receiverExited() {
        Integer code = receiverExit.getNow(null);
        return code == null ? null : "receiver exited with status " + code
                + lastLine(logs.resolve("receiver.err"));
    }

    private void collectSenderLogs() {
        for (int i = 0; i < senderIds.length; i++) {
            collectLogs(i);
        }
    }

    /** Writes a sender container's output to sender-I.out and sender-I.err. */
    private void collectLogs(int i) {
        if (senderIds[i] != null) {
            containers.writeLogs(senderIds[i], logs.resolve("sender-" + i + ".out"),
                    logs.resolve("sender-" + i + ".err"));
        }
    }

    private List<TrialOutput.SenderOutput> senderOutputs(int count) {
        List<TrialOutput.SenderOutput> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> lines = readLines(logs.resolve("sender-" + i + ".out"));
            CompletableFuture<Integer> exit = i < senderExits.size() ? senderExits.get(i) : null;
            int code = exit != null && exit.isDone() && !exit.isCompletedExceptionally()
                    ? exit.join() : -1;
            out.add(new TrialOutput.SenderOutput(i, lines, code,
                    SenderReport.parse(lines).cpus()));
        }
        return out;
    }

    private String timeoutHint(String reason) {
        if (!reason.startsWith("timed out")) {
            return "";
        }
        return reason.contains("release") || reason.contains("ready")
                || reason.contains("starting") || reason.contains("attaching")
                || reason.contains("receiver container to exit")
                ? " (setup timeout " + spec.timeouts().setup().toSeconds() + " s)"
                : " (trial timeout " + spec.timeouts().trial().toSeconds() + " s)";
    }

    /** The receiver's command inside its container, as the local backend records it. */
    private void writeCommand(List<String> cmd) {
        try {
            Files.writeString(logs.resolve("receiver.cmd"), String.join(" ", cmd) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logs.resolve("receiver.cmd"), e);
        }
    }

    private static long millisLeft(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static String field(String line, String key) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new TrialFailure("line '" + line + "' lacks " + key + "=");
    }

    private static String lastLine(Path file) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? "" : " (" + file.getFileName() + ": "
                + lines.get(lines.size() - 1) + ")";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
