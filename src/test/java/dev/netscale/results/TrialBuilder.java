package dev.netscale.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link TrialRecord}s for tests: every field has a plain default, so a test sets only
 * what it is about.
 */
public final class TrialBuilder {
    private static int nextTrial = 1;

    private final int trial = nextTrial++;
    private int repetition = 1;
    private String receiver = "native";
    private String runtime = "native";
    private String compiler = "";
    private int senders = 1;
    private TrialRecord.Status status = TrialRecord.Status.OK;
    private String failure = "";
    private double throughput = 1000;
    private String rttHistogram = "";
    private int receiverThreads = 1;
    private String receiverCpus = "0";
    private String receiverCpusActual = "0";
    private String senderCpus = "1";
    private String senderCpusActual = "1";
    private String logs = "";
    private String startedAt = "2025-01-02T03:04:05Z";
    private final List<String> warnings = new ArrayList<>();
    private ResourceFigures resources = ResourceFigures.NONE;

    public static TrialBuilder ok(String receiver, int senders, double throughput) {
        TrialBuilder b = new TrialBuilder();
        b.receiver = receiver;
        b.runtime = receiver;
        b.senders = senders;
        b.receiverThreads = senders;
        b.throughput = throughput;
        return b;
    }

    public static TrialBuilder failed(String receiver, int senders, String reason) {
        TrialBuilder b = ok(receiver, senders, Double.NaN);
        b.status = TrialRecord.Status.FAILED;
        b.failure = reason;
        b.receiverThreads = 0;
        b.warnings.add("failed-trial");
        return b;
    }

    public TrialBuilder runtime(String runtime) {
        this.runtime = runtime;
        return this;
    }

    public TrialBuilder compiler(String compiler) {
        this.compiler = compiler;
        return this;
    }

    public TrialBuilder repetition(int repetition) {
        this.repetition = repetition;
        return this;
    }

    public TrialBuilder rtt(String encodedHistogram) {
        this.rttHistogram = encodedHistogram;
        return this;
    }

    public TrialBuilder receiverCpus(String requested, String actual) {
        this.receiverCpus = requested;
        this.receiverCpusActual = actual;
        return this;
    }

    public TrialBuilder senderCpus(String requested, String actual) {
        this.senderCpus = requested;
        this.senderCpusActual = actual;
        return this;
    }

    public TrialBuilder logs(String logs) {
        this.logs = logs;
        return this;
    }

    public TrialBuilder startedAt(String startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    public TrialBuilder warning(String warning) {
        this.warnings.add(warning);
        return this;
    }

    /**
     * CPU figures for a trial on a receiver CPU set of one: {@code usPerMessage} of CPU per
     * message, the given share of the CPU kept busy by the receiver and busy in all, the
     * senders' CPU set busy share, and the busiest threads as name, share, name, share, ...
     */
    public static ResourceFigures figures(double usPerMessage, double coresShare,
            double cpusetBusyShare, double senderBusyShare, Object... threads) {
        List<ResourceFigures.ThreadShare> list = new ArrayList<>();
        for (int i = 0; i + 1 < threads.length; i += 2) {
            list.add(new ResourceFigures.ThreadShare((String) threads[i],
                    ((Number) threads[i + 1]).doubleValue()));
        }
        return new ResourceFigures(usPerMessage * 2, usPerMessage * 8, usPerMessage, coresShare,
                coresShare, cpusetBusyShare, usPerMessage * 1.2, list.size() + 1, 1.0, 0.1, list,
                0.95, 20, senderBusyShare, senderBusyShare >= 0.9, "proc", 1.0);
    }

    public TrialBuilder resources(ResourceFigures resources) {
        this.resources = resources;
        return this;
    }

    public TrialRecord build() {
        boolean ok = status == TrialRecord.Status.OK;
        long messages = ok ? 10_000 : 0;
        long windowNanos = ok ? (long) (messages / throughput * 1e9) : 0;
        return new TrialRecord(trial, repetition, receiver, runtime, compiler, senders, senders,
                messages / senders, 1024, false, "together", status, failure, messages,
                windowNanos, throughput, windowNanos, messages, ok ? throughput : Double.NaN,
                ok ? senders : Double.NaN, windowNanos, ok ? throughput : Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, rttHistogram, receiverThreads,
                receiverCpus, receiverCpusActual, senderCpus, senderCpusActual, 100, 200,
                startedAt, logs, List.copyOf(warnings), resources);
    }
}
