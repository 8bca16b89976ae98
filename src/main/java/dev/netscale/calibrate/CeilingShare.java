package dev.netscale.calibrate;

import dev.netscale.results.TrialRecord;
import dev.netscale.stats.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's "Host calibration" section: the ping-pong reference recorded in environment.json
 * and each receiver's 1-sender throughput as a share of it. A receiver near 100% adds little
 * to what the host's loopback TCP costs anyway; one far below it spends its time elsewhere.
 */
public final class CeilingShare {
    /** The key of the calibration in environment.json. */
    public static final String KEY = "calibration";
    public static final String SECTION = "Host calibration";

    private CeilingShare() {
    }

    /** The section's lines, or empty when environment.json holds no calibration. */
    public static Optional<List<String>> lines(Map<String, Object> environment,
            List<TrialRecord> trials) {
        if (!(environment.get(KEY) instanceof Map<?, ?> c)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (c.get("skipped") != null) {
            out.add("The host's ping-pong reference was not measured: " + c.get("skipped")
                    + ".");
            return Optional.of(out);
        }
        double ceiling = number(c.get("round_trips_per_s"));
        out.add(String.format(Locale.ROOT, "sockperf ping-pong over 127.0.0.1 TCP with %s-byte"
                + " messages (TCP_NODELAY %s), its server on CPUs %s like the receiver and its"
                + " client on CPUs %s like the senders, for %s s: **%,.0f round trips/s** (mean"
                + " round trip %.0f µs, p99 %.0f µs). That is one connection with one message in"
                + " flight and no receiver program in the way: a reference for 1-sender trials,"
                + " not a bound. A program that waits for each reply in another way (other system"
                + " calls, another wake-up path) can beat it, and so can a trial that kept its"
                + " CPUs from idling; a share above 100%% says that, not that a figure is wrong.",
                c.get("message_bytes"), Boolean.TRUE.equals(c.get("tcp_nodelay")) ? "on" : "off",
                c.get("server_cpus"), c.get("client_cpus"), c.get("seconds"), ceiling,
                number(c.get("rtt_mean_us")), number(c.get("rtt_p99_us"))));
        out.add("");
        Map<String, Sample> oneSender = oneSender(trials);
        if (oneSender.isEmpty()) {
            out.add("No receiver has a successful trial with 1 sender to set against it.");
            return Optional.of(out);
        }
        out.add("| receiver | 1-sender throughput (msg/s) | share of sockperf's |");
        out.add("| --- | ---: | ---: |");
        oneSender.forEach((receiver, s) -> out.add(String.format(Locale.ROOT,
                "| %s | %,.0f | %.0f%% |", receiver, s.mean(), 100 * s.mean() / ceiling)));
        return Optional.of(out);
    }

    /** Mean throughput of each receiver's successful 1-sender trials, in trial order. */
    static Map<String, Sample> oneSender(List<TrialRecord> trials) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        trials.stream().filter(t -> t.ok() && t.senders() == 1).forEach(t -> values
                .computeIfAbsent(t.receiver(), r -> new ArrayList<>()).add(t.throughput()));
        Map<String, Sample> out = new LinkedHashMap<>();
        values.forEach((r, v) -> out.put(r, Sample.of(v.stream().mapToDouble(d -> d)
                .toArray())));
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
