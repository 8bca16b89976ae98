package dev.netscale.measure;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** What one sender process printed, parsed; its RTT histograms merged into one. */
public record SenderReport(List<Conn> connections, List<String> errors, boolean done,
        Histogram rttNanos, long cpuUserMicros, long cpuSystemMicros, String cpus) {

    /** One connection as the sender saw it, on the host's monotonic clock. */
    public record Conn(long id, long messages, long startNanos, long endNanos) {
    }

    public static SenderReport parse(List<String> lines) {
        List<Conn> conns = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Histogram rtt = new Histogram(3);
        boolean done = false;
        long user = 0;
        long sys = 0;
        String cpus = "";
        for (String text : lines) {
            var parsed = OutputLine.parse(text);
            if (parsed.isEmpty()) {
                continue;
            }
            OutputLine l = parsed.get();
            switch (l.kind()) {
                case "connected" -> cpus = l.optional("cpus").orElse("");
                case "conn" -> conns.add(new Conn(l.number("id"), l.number("messages"),
                        l.number("start-ns"), l.number("end-ns")));
                case "rtt" -> addBuckets(rtt, l);
                case "error" -> errors.add(l.describe());
                case "sender-done" -> {
                    done = true;
                    user = l.optional("cpu-user-us").map(Long::parseLong).orElse(0L);
                    sys = l.optional("cpu-sys-us").map(Long::parseLong).orElse(0L);
                }
                default -> {
                    // Diagnostics, kept in the logs.
                }
            }
        }
        return new SenderReport(conns, errors, done, rtt, user, sys, cpus);
    }

    /** Adds {@code lower:count} buckets; each count is recorded at the bucket's lower bound. */
    private static void addBuckets(Histogram h, OutputLine l) {
        l.fields().forEach((k, v) -> {
            if (k.chars().allMatch(Character::isDigit)) {
                int colon = v.indexOf(':');
                if (colon < 0) {
                    throw new MalformedOutputException("rtt bucket '" + v + "' lacks ':'");
                }
                long value = Long.parseLong(v.substring(0, colon));
                long count = Long.parseLong(v.substring(colon + 1));
                h.recordValueWithCount(Math.max(1, value), count);
            }
        });
    }
}
