package dev.netscale.measure;

import dev.netscale.backend.TrialOutput;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResourceFigures;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.Defaults;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.stats.RttPercentiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Judges and measures one trial from what the backend collected. Counts are checked end to
 * end (every connection, every message, every ack); a trial that does not add up is failed
 * with the reason and never measured.
 */
public final class TrialAnalyzer {
    private final ExperimentSpec spec;
    private final Path runFolder;

    /** Records each trial's logs folder as the backend gave it. */
    public TrialAnalyzer(ExperimentSpec spec) {
        this(spec, null);
    }

    /**
     * Records each trial's logs folder relative to {@code runFolder} when it lies inside,
     * so that a results folder can be moved or shared with its logs.
     */
    public TrialAnalyzer(ExperimentSpec spec, Path runFolder) {
        this.spec = spec;
        this.runFolder = runFolder;
    }

    /** A logs folder relative to the run folder when it lies inside, else as given. */
    public static String logsPath(Path logs, Path runFolder) {
        if (logs == null) {
            return "";
        }
        if (runFolder != null) {
            Path base = runFolder.toAbsolutePath().normalize();
            Path abs = logs.toAbsolutePath().normalize();
            if (abs.startsWith(base)) {
                return base.relativize(abs).toString();
            }
        }
        return logs.toString();
    }

    public TrialRecord analyze(Trial trial, TrialOutput out, Instant startedAt) {
        ReceiverReport receiver;
        List<SenderReport> senders = new ArrayList<>();
        try {
            receiver = ReceiverReport.parse(out.receiverLines());
            for (TrialOutput.SenderOutput s : out.senders()) {
                senders.add(SenderReport.parse(s.lines()));
            }
        } catch (MalformedOutputException e) {
            return failed(trial, out, startedAt, "malformed output: " + e.getMessage());
        }
        Optional<String> problem = out.failure().or(() -> check(trial, out, receiver, senders));
        if (problem.isPresent()) {
            return failed(trial, out, startedAt, problem.get());
        }
        return measure(trial, out, startedAt, receiver, senders);
    }

    /** The first reason this trial cannot be counted, if any. */
    static Optional<String> check(Trial trial, TrialOutput out, ReceiverReport receiver,
            List<SenderReport> senders) {
        for (int i = 0; i < senders.size(); i++) {
            SenderReport s = senders.get(i);
            int exit = out.senders().get(i).exitCode();
            if (!s.errors().isEmpty()) {
                return Optional.of("sender " + i + ": " + String.join("; ", s.errors()));
            }
            if (exit != 0 || !s.done()) {
                return Optional.of("sender " + i + " exited with status " + exit
                        + (s.done() ? "" : " before its sender-done line"));
            }
        }
        if (!receiver.errors().isEmpty()) {
            return Optional.of("receiver: " + String.join("; ", receiver.errors()));
        }
        if (!receiver.done()) {
            return Optional.of("receiver never printed its done line");
        }
        if (out.receiverExit() != 0) {
            return Optional.of("receiver exited with status " + out.receiverExit());
        }
        int n = trial.senders();
        Set<Long> ids = receiver.connections().stream().map(ReceiverReport.Conn::id)
                .collect(Collectors.toCollection(TreeSet::new));
        if (receiver.connections().size() != n || ids.size() != n) {
            return Optional.of("receiver reported " + ids.size() + " distinct connections of "
                    + n);
        }
        long m = trial.messagesPerConnection();
        for (ReceiverReport.Conn c : receiver.connections()) {
            if (c.messages() != m) {
                return Optional.of("receiver counted " + c.messages() + " messages on connection "
                        + c.id() + ", expected " + m);
            }
        }
        List<SenderReport.Conn> sent = senders.stream().flatMap(s -> s.connections().stream())
                .toList();
        if (sent.size() != n) {
            return Optional.of("senders reported " + sent.size() + " connections of " + n);
        }
        for (SenderReport.Conn c : sent) {
            if (c.messages() != m || !ids.contains(c.id())) {
                return Optional.of("sender connection " + c.id() + " reported " + c.messages()
                        + " acknowledged messages, expected " + m);
            }
        }
        return Optional.empty();
    }

    private TrialRecord measure(Trial trial, TrialOutput out, Instant startedAt,
            ReceiverReport receiver, List<SenderReport> senders) {
        List<ReceiverReport.Conn> conns = receiver.connections();
        long messages = conns.stream().mapToLong(ReceiverReport.Conn::messages).sum();
        long first = conns.stream().mapToLong(ReceiverReport.Conn::firstNanos).min().orElse(0);
        long last = conns.stream().mapToLong(ReceiverReport.Conn::lastNanos).max().orElse(0);
        long window = last - first;
        if (window <= 0) {
            return failed(trial, out, startedAt, "measured window is " + window + " ns: too few"
                    + " messages to time; raise message.total or message.per-sender");
        }
        Throughput t = Throughput.of(conns, window, messages);
        List<SenderReport.Conn> sent = senders.stream().flatMap(s -> s.connections().stream())
                .toList();
        long senderWindow = sent.stream().mapToLong(SenderReport.Conn::endNanos).max().orElse(0)
                - sent.stream().mapToLong(SenderReport.Conn::startNanos).min().orElse(0);
        Histogram rtt = new Histogram(3);
        senders.forEach(s -> rtt.add(s.rttNanos()));
        Set<String> threads = new HashSet<>();
        conns.forEach(c -> threads.add(c.thread()));

        List<String> warnings = new ArrayList<>();
        if (window < Defaults.MIN_MEANINGFUL_WINDOW.toNanos()) {
            warnings.add(Warning.SHORT_WINDOW.id());
        }
        if (Planner.overlaps(trial)) {
            warnings.add(Warning.CPU_OVERLAP.id());
        }
        long warmup = conns.stream().mapToLong(ReceiverReport.Conn::warmup).sum();
        ResourceFigures resources = ResourceAnalysis.of(trial, out.resources(), senders,
                messages, warmup);
        if (resources.senderLimited()) {
            warnings.add(Warning.SENDER_LIMITED.id());
        }
        if (ResourceAnalysis.coarse(out.resources())) {
            warnings.add(Warning.COARSE_CPU.id());
        }
        long phaseStart = Math.min(first, receiver.releasedNanos().orElse(first));
        if (ResourceAnalysis.wideProbe(out.resources(), last - phaseStart)) {
            warnings.add(Warning.WIDE_PROBE.id());
        }
        return record(trial, out, startedAt, TrialRecord.Status.OK, "", messages, window,
                t, senderWindow, rtt, threads.size(), warnings, resources);
    }

    private TrialRecord failed(Trial trial, TrialOutput out, Instant startedAt, String reason) {
        return record(trial, out, startedAt, TrialRecord.Status.FAILED, reason, 0, 0,
                Throughput.NONE, 0, null, 0, List.of(Warning.FAILED_TRIAL.id()),
                ResourceFigures.NONE);
    }

    private TrialRecord record(Trial trial, TrialOutput out, Instant startedAt,
            TrialRecord.Status status, String failure, long messages, long window, Throughput t,
            long senderWindow, Histogram rtt, int threads, List<String> warnings,
            ResourceFigures resources) {
        var msg = spec.message();
        boolean hasRtt = rtt != null && rtt.getTotalCount() > 0;
        String senderCpus = out.senders().stream().map(TrialOutput.SenderOutput::cpusActual)
                .filter(c -> c != null && !c.isEmpty()).distinct()
                .collect(Collectors.joining(" "));
        return new TrialRecord(trial.index(), trial.repetition(), trial.receiver().id(),
                trial.receiver().runtime().id(), trial.receiver().compiler().orElse(""),
                trial.senders(), trial.senders(), trial.messagesPerConnection(), msg.sizeBytes(),
                msg.tcpNoDelay(), spec.start().id(), status, failure, messages, window,
                t.throughput(), t.activeWindowNanos(), t.activeMessages(), t.activeThroughput(),
                t.concurrency(), senderWindow,
                senderWindow > 0 ? messages * 1e9 / senderWindow : Double.NaN,
                hasRtt ? rtt.getValueAtPercentile(50) / 1e3 : Double.NaN,
                hasRtt ? rtt.getValueAtPercentile(90) / 1e3 : Double.NaN,
                hasRtt ? rtt.getValueAtPercentile(99) / 1e3 : Double.NaN,
                hasRtt ? rtt.getMaxValue() / 1e3 : Double.NaN,
                hasRtt ? RttPercentiles.encode(rtt) : "", threads, CpuSet.format(trial.receiverCpus()),
                out.receiverCpusActual(), CpuSet.format(trial.senderCpus()), senderCpus,
                out.setupMillis(), out.trialMillis(), startedAt.toString(),
                logsPath(out.logs(), runFolder), warnings, resources);
    }
}
