package dev.netscale.backend;

import dev.netscale.env.Host;
import dev.netscale.plan.Trial;
import dev.netscale.resources.ResourceProbe;
import dev.netscale.resources.ResourceUse;
import dev.netscale.resources.SyscallCounts;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trial's steps in the order docs/protocol.md sets, the same for every backend: start the
 * receiver and read its ready line; start the senders; with {@code start: together}, wait for
 * the receiver to hold its release, take the first resource readings and tell it to go (with
 * a staggered start the readings begin before the senders); wait for the release and the done
 * line; wait for the senders to exit; tell the receiver to exit. The setup timeout covers
 * everything up to the release, the trial timeout the rest. A backend supplies how each step
 * is done, with processes or with containers, and ends what it started in {@link #cleanUp}.
 *
 * <p>One instance runs one trial.
 */
public abstract class TrialSteps {
    private static final Logger log = LoggerFactory.getLogger(TrialSteps.class);

    protected final ExperimentSpec spec;
    protected final Trial trial;
    protected final Path logs;

    protected TrialSteps(ExperimentSpec spec, Trial trial, Path logs) {
        this.spec = spec;
        this.trial = trial;
        this.logs = logs;
    }

    /**
     * Starts the receiver with {@code command} and returns its standard output, read as it
     * comes.
     *
     * @throws TrialFailure when it cannot be started
     */
    protected abstract LineCollector startReceiver(List<String> command, long deadlineNanos)
            throws InterruptedException;

    /** The receiver's process id on this host, once it has printed its ready line. */
    protected abstract Optional<Long> receiverPid();

    /** Starts every sender; returns when all were started. */
    protected abstract void startSenders(List<SenderArgs> senders, long deadlineNanos)
            throws InterruptedException;

    /** Writes one line to the receiver's standard input. */
    protected abstract void tellReceiver(String line);

    /**
     * The reason to stop waiting, if a sender or the receiver exited badly; null while all is
     * well.
     */
    protected abstract String failure();

    /** Starts reading the receiver's resource use, or returns null if it cannot be read. */
    protected abstract ResourceProbe startProbe(long pid);

    /** Waits until every sender has exited. */
    protected abstract void awaitSenders(long deadlineNanos) throws InterruptedException;

    /** Tells the receiver to exit and waits for it; its exit status, or -1. */
    protected abstract int stopReceiver(long deadlineNanos) throws InterruptedException;

    /**
     * Ends whatever of the trial is still running and keeps its logs; called once, whatever
     * happened.
     *
     * @param failed whether the trial broke off
     * @param receiverStatus the receiver's exit status so far, -1 if unknown
     * @return the receiver's exit status to record
     */
    protected abstract int cleanUp(boolean failed, int receiverStatus);

    /** The receiver's output lines, read after {@link #cleanUp}. */
    protected abstract List<String> receiverLines(LineCollector out);

    /** What each sender printed and how it exited, read after {@link #cleanUp}. */
    protected abstract List<TrialOutput.SenderOutput> senderOutputs();

    /** Called after the ready line, before any sender starts: strace attaches here. */
    protected void afterReady(long pid, long deadlineNanos) throws InterruptedException {
    }

    /** Called once the measured phase is released. */
    protected void afterRelease() {
    }

    /** Called after the done line: strace detaches here. */
    protected Optional<SyscallCounts> afterDone() throws InterruptedException {
        return Optional.empty();
    }

    /** A failure the backend's own machinery reported (a daemon's refusal, for example). */
    protected String describe(RuntimeException e) {
        throw e;
    }

    /** Whether a timeout during this step counts against the setup timeout. */
    protected boolean duringSetup(String reason) {
        return reason.contains("release") || reason.contains("ready");
    }

    public final TrialOutput run(List<String> receiverCommand) {
        writeCommand(receiverCommand);
        long t0 = System.nanoTime();
        long setupDeadline = t0 + spec.timeouts().setup().toNanos();
        Optional<String> failure = Optional.empty();
        String receiverCpus = "";
        long setupMillis = 0;
        long trialMillis = 0;
        int receiverStatus = -1;
        LineCollector out = null;
        ResourceProbe probe = null;
        Optional<ResourceUse> resources = Optional.empty();
        Optional<SyscallCounts> syscalls = Optional.empty();
        try {
            out = startReceiver(receiverCommand, setupDeadline);
            String ready = out.await("ready", setupDeadline, "the receiver's ready line",
                    this::failure);
            int port = Integer.parseInt(field(ready, "port"));
            Optional<Long> pid = receiverPid();
            receiverCpus = pid.flatMap(Host::allowedCpus).map(CpuSet::format).orElse("");
            if (pid.isPresent()) {
                afterReady(pid.get(), setupDeadline);
            }

            boolean hold = ReceiverArgs.of(spec, trial).hold();
            String release = "the release of all " + trial.senders() + " connections";
            if (!hold) {
                probe = pid.map(this::startProbe).orElse(null);
            }
            startSenders(SenderArgs.of(spec, trial, port), setupDeadline);
            if (hold) {
                out.await("holding", setupDeadline, release, this::failure);
                probe = pid.map(this::startProbe).orElse(null);
                tellReceiver("go");
            }
            out.await("released", setupDeadline, release, this::failure);
            long t1 = System.nanoTime();
            setupMillis = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
            afterRelease();

            long trialDeadline = t1 + spec.timeouts().trial().toNanos();
            out.await("done", trialDeadline, "the receiver's done line", this::failure);
            trialMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            resources = finish(probe);
            syscalls = afterDone();
            awaitSenders(trialDeadline);
            receiverStatus = stopReceiver(System.nanoTime()
                    + spec.timeouts().setup().toNanos());
        } catch (TrialFailure e) {
            failure = Optional.of(e.getMessage() + timeoutHint(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        } catch (RuntimeException e) {
            failure = Optional.of(describe(e));
        } finally {
            if (probe != null) {
                probe.close();
            }
            receiverStatus = cleanUp(failure.isPresent(), receiverStatus);
        }
        return new TrialOutput(receiverLines(out), receiverStatus, senderOutputs(), failure,
                receiverCpus, setupMillis, trialMillis, logs, resources, syscalls);
    }

    private Optional<ResourceUse> finish(ResourceProbe probe) {
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

    /** Why a probe could not start, logged; the trial goes on without resource figures. */
    protected final ResourceProbe probeUnavailable(RuntimeException e) {
        log.warn("trial {}: the receiver's resource use is not measured: {}", trial.index(),
                e.getMessage());
        return null;
    }

    private String timeoutHint(String reason) {
        if (!reason.startsWith("timed out")) {
            return "";
        }
        return duringSetup(reason)
                ? " (setup timeout " + spec.timeouts().setup().toSeconds() + " s)"
                : " (trial timeout " + spec.timeouts().trial().toSeconds() + " s)";
    }

    /** The receiver's command line, as run, in receiver.cmd. */
    private void writeCommand(List<String> cmd) {
        Path file = logs.resolve("receiver.cmd");
        try {
            Files.createDirectories(logs);
            Files.writeString(file, String.join(" ", cmd) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The last line of a log file, as " (NAME: LINE)", or nothing. */
    protected static String lastLine(Path file) {
        List<String> lines = LineCollector.readLines(file);
        return lines.isEmpty() ? "" : " (" + file.getFileName() + ": "
                + lines.get(lines.size() - 1) + ")";
    }

    protected static long millisLeft(long deadlineNanos) {
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
}
