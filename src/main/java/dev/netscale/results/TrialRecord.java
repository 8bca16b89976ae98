package dev.netscale.results;

import java.util.List;

/**
 * One row of {@code trials.csv}: what one trial (one receiver, one sender count, one
 * repetition) measured, or why it failed. Failed trials keep their identity and reason and
 * leave the measured fields {@code NaN}; they are never averaged in.
 *
 * <p>Times are nanoseconds on the receiver's monotonic clock unless the name says otherwise.
 * Throughputs are messages per second. {@code resources} holds what the trial cost in CPU
 * ({@link ResourceFigures#NONE} when it was not measured).
 */
public record TrialRecord(
        int trial,
        int repetition,
        String receiver,
        String runtime,
        String compiler,
        int senders,
        int connections,
        long messagesPerConnection,
        int messageBytes,
        boolean tcpNoDelay,
        String start,
        Status status,
        String failure,
        long messages,
        long windowNanos,
        double throughput,
        long activeWindowNanos,
        long activeMessages,
        double activeThroughput,
        double effectiveConcurrency,
        long senderWindowNanos,
        double senderThroughput,
        double rttP50Micros,
        double rttP90Micros,
        double rttP99Micros,
        double rttMaxMicros,
        String rttHistogram,
        int receiverThreads,
        String receiverCpus,
        String receiverCpusActual,
        String senderCpus,
        String senderCpusActual,
        long setupMillis,
        long trialMillis,
        String startedAt,
        String logs,
        List<String> warnings,
        ResourceFigures resources) {

    /** Whether a trial counts towards the aggregates. */
    public enum Status { OK, FAILED }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The point this trial belongs to: one receiver at one sender count. */
    public PointKey point() {
        return new PointKey(receiver, senders);
    }

    /** Identity of a trial within a run, used to resume an interrupted run. */
    public String key() {
        return repetition + "/" + receiver + "/" + senders;
    }
}
