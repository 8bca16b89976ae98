package dev.netscale.backend.docker;

import dev.netscale.backend.LineCollector;
import dev.netscale.backend.ProcessTracker;
import dev.netscale.backend.SenderArgs;
import dev.netscale.backend.StraceAttachment;
import dev.netscale.backend.TrialFailure;
import dev.netscale.backend.TrialOutput;
import dev.netscale.backend.TrialSteps;
import dev.netscale.measure.SenderReport;
import dev.netscale.plan.Trial;
import dev.netscale.resources.CgroupCpu;
import dev.netscale.resources.ProbeTarget;
import dev.netscale.resources.ResourceProbe;
import dev.netscale.resources.SyscallCounts;
import dev.netscale.spec.ExperimentSpec;
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

/**
 * One trial in containers, in {@link TrialSteps}' order: the receiver container first,
 * attached before it starts so that no output is lost; after its ready line the sender
 * containers, started in parallel; the receiver's go and exit lines go through its standard
 * input. Container start-up counts against the setup timeout and stays out of the measured
 * window. Every container of the trial is removed at the end, whatever happened.
 */
final class DockerTrial extends TrialSteps {
    private final TrialContainers containers;
    private final String receiverImage;
    private final String senderImage;
    private final Consumer<DockerBackend.Released> afterRelease;
    private final ProcessTracker tracer;
    private StraceAttachment strace;

    private final StdinLines stdin = new StdinLines();
    private String receiverId;
    private Optional<Long> receiverPid = Optional.empty();
    private LineCollector attached;
    private String[] senderIds = new String[0];
    private List<CompletableFuture<Integer>> senderExits = List.of();
    private CompletableFuture<Integer> receiverExit = new CompletableFuture<>();

    DockerTrial(TrialContainers containers, ExperimentSpec spec, Trial trial, Path logs,
            String receiverImage, String senderImage,
            Consumer<DockerBackend.Released> afterRelease, ProcessTracker tracer) {
        super(spec, trial, logs);
        this.tracer = tracer;
        this.containers = containers;
        this.receiverImage = receiverImage;
        this.senderImage = senderImage;
        this.afterRelease = afterRelease;
    }

    @Override
    protected LineCollector startReceiver(List<String> command, long deadlineNanos)
            throws InterruptedException {
        receiverId = containers.create(receiverImage, command, trial.receiverCpus(),
                "receiver", Recipes.needsTmp(trial.receiver()), true);
        // The attach stream is read live for the ready, holding, released and done lines; the
        // records are read afterwards from the container's logs (see cleanUp), because the
        // attach stream was seen to mix bytes of stdout into stderr when a receiver prints
        // many lines at once.
        FrameStreams frames = new FrameStreams(logs.resolve("receiver.attach.err"));
        containers.keep(stdin);
        containers.keep(containers.docker().attachContainerCmd(receiverId)
                .withStdIn(stdin).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withLogs(true).exec(frames));
        if (!frames.awaitStarted(millisLeft(deadlineNanos), TimeUnit.MILLISECONDS)) {
            throw new TrialFailure("timed out attaching to the receiver container");
        }
        attached = new LineCollector(frames.stdout(), logs.resolve("receiver.attach.out"),
                "receiver-" + trial.index());
        containers.docker().startContainerCmd(receiverId).exec();
        receiverExit = containers.exitOf(receiverId);
        return attached;
    }

    @Override
    protected Optional<Long> receiverPid() {
        if (receiverPid.isEmpty()) {
            receiverPid = containers.pid(receiverId);
        }
        return receiverPid;
    }

    /** Creates and starts the sender containers in parallel; each one's exit is watched. */
    @Override
    protected void startSenders(List<SenderArgs> senders, long deadline)
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

    @Override
    protected void tellReceiver(String line) {
        stdin.send(line);
    }

    /** The reason to stop waiting, if a sender container or the receiver's exited badly. */
    @Override
    protected String failure() {
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
        Integer code = receiverExit.getNow(null);
        return code == null ? null : "receiver exited with status " + code
                + lastLine(logs.resolve("receiver.err"));
    }

    /**
     * Starts reading the receiver container's resource use: its cgroup's CPU time and its
     * threads, seen from the host.
     */
    @Override
    protected ResourceProbe startProbe(long pid) {
        try {
            ProbeTarget target = CgroupCpu.ofProcess(pid)
                    .map(c -> ProbeTarget.container(pid, c.dir()))
                    .orElse(ProbeTarget.process(pid));
            return ResourceProbe.start(target, trial.receiverCpus(), trial.senderCpus());
        } catch (RuntimeException e) {
            return probeUnavailable(e);
        }
    }

    /** With a tracer, attaches strace from the host to the receiver's process. */
    @Override
    protected void afterReady(long pid, long deadlineNanos) throws InterruptedException {
        if (tracer != null) {
            strace = StraceAttachment.attach(tracer, pid, logs, deadlineNanos);
        }
    }

    @Override
    protected Optional<SyscallCounts> afterDone() throws InterruptedException {
        return strace == null ? Optional.empty() : Optional.of(strace.detach());
    }

    @Override
    protected void afterRelease() {
        afterRelease.accept(new DockerBackend.Released(trial, receiverId,
                List.of(senderIds)));
    }

    @Override
    protected void awaitSenders(long deadlineNanos) throws InterruptedException {
        for (CompletableFuture<Integer> exit : senderExits) {
            await(exit, deadlineNanos, "the sender containers to exit");
        }
        collectSenderLogs();
    }

    @Override
    protected int stopReceiver(long deadlineNanos) throws InterruptedException {
        stdin.send("exit");
        return await(receiverExit, deadlineNanos, "the receiver container to exit");
    }

    @Override
    protected int cleanUp(boolean failed, int receiverStatus) {
        if (strace != null) {
            strace.end();
        }
        try (containers) {
            if (failed) {
                collectSenderLogs();
            }
            if (receiverId != null) {
                containers.writeLogs(receiverId, logs.resolve("receiver.out"),
                        logs.resolve("receiver.err"));
            }
        }
        return receiverStatus;
    }

    @Override
    protected List<String> receiverLines(LineCollector out) {
        List<String> lines = LineCollector.readLines(logs.resolve("receiver.out"));
        return lines.isEmpty() && attached != null ? attached.lines(5_000) : lines;
    }

    @Override
    protected List<TrialOutput.SenderOutput> senderOutputs() {
        List<TrialOutput.SenderOutput> out = new ArrayList<>();
        for (int i = 0; i < senderExits.size(); i++) {
            List<String> lines = LineCollector.readLines(logs.resolve("sender-" + i + ".out"));
            CompletableFuture<Integer> exit = senderExits.get(i);
            int code = exit.isDone() && !exit.isCompletedExceptionally() ? exit.join() : -1;
            out.add(new TrialOutput.SenderOutput(i, lines, code,
                    SenderReport.parse(lines).cpus()));
        }
        return out;
    }

    @Override
    protected String describe(RuntimeException e) {
        // docker-java reports a daemon that refused a command as an unchecked exception.
        return "docker: " + DockerConnection.rootCause(e);
    }

    @Override
    protected boolean duringSetup(String reason) {
        return super.duringSetup(reason) || reason.contains("starting")
                || reason.contains("attaching") || reason.contains("receiver container to exit");
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
}
