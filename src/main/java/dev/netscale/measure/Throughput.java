package dev.netscale.measure;

import java.util.List;

/**
 * Throughput of one trial as the receiver saw it.
 *
 * <p>{@code throughput} is the reference definition: all measured messages over the window from
 * the first to the last receive of any connection. It includes the ramp-up and ramp-down when
 * not every connection is active, so two more views are given: the throughput over the
 * interval when all connections were active (from the last first receive to the first last
 * receive, counted by the receiver), and the effective concurrency, the summed active time of
 * the connections divided by the window (N when all ran the whole window).
 */
public record Throughput(double throughput, long activeWindowNanos, long activeMessages,
        double activeThroughput, double concurrency) {

    static final Throughput NONE = new Throughput(Double.NaN, 0, 0, Double.NaN, Double.NaN);

    static Throughput of(List<ReceiverReport.Conn> conns, long windowNanos, long messages) {
        long lastFirst = conns.stream().mapToLong(ReceiverReport.Conn::firstNanos).max()
                .orElse(0);
        long firstLast = conns.stream().mapToLong(ReceiverReport.Conn::lastNanos).min()
                .orElse(0);
        long activeWindow = Math.max(0, firstLast - lastFirst);
        boolean counted = conns.stream().allMatch(c -> c.active() >= 0);
        long active = counted ? conns.stream().mapToLong(ReceiverReport.Conn::active).sum() : 0;
        double activeThroughput = counted && activeWindow > 0 ? active * 1e9 / activeWindow
                : Double.NaN;
        long busy = conns.stream().mapToLong(c -> c.lastNanos() - c.firstNanos()).sum();
        return new Throughput(messages * 1e9 / windowNanos, activeWindow, active,
                activeThroughput, (double) busy / windowNanos);
    }
}
