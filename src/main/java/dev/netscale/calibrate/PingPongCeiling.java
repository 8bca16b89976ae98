package dev.netscale.calibrate;

import dev.netscale.backend.ProcessTracker;
import dev.netscale.spec.CpuSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's own ceiling for the workload of a trial: sockperf's TCP ping-pong over 127.0.0.1
 * with the spec's message size and Nagle setting, its server pinned like the receiver and its
 * client like the senders. One connection, one message in flight, so its round trips per
 * second bound what a 1-sender trial can reach on this host, with no thread-per-connection
 * receiver, runtime or JVM in the way; a report states each receiver's 1-sender throughput as
 * a share of it.
 *
 * <p>sockperf (https://github.com/Mellanox/sockperf) leaves out a warm-up of 400 ms and reports
 * the rest as its "valid duration"; the rate is the round trips received in it over its length.
 * With {@code --full-rtt} its latencies are round trips, not halves of them.
 */
public final class PingPongCeiling {
    public static final String TOOL = "sockperf";
    /** sockperf's largest message (its MAX_PAYLOAD_SIZE). */
    static final int MAX_MESSAGE_BYTES = 65_506;
    private static final Duration SERVER_READY = Duration.ofSeconds(5);
    /** What the client may take beyond the measured time: start, warm-up, statistics. */
    private static final Duration CLIENT_SLACK = Duration.ofSeconds(15);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern VALID = Pattern.compile("\\[Valid Duration\\] RunTime=([0-9.]+)"
            + " sec; SentMessages=(\\d+); ReceivedMessages=(\\d+)");
    private static final Pattern MEAN = Pattern.compile("avg-(?:rtt|latency)=([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile(
            "percentile ([0-9.]+) =\\s*([0-9.]+)");

    /**
     * What sockperf measured.
     *
     * @param roundTrips round trips completed in the valid duration
     * @param validSeconds the measured time after sockperf's warm-up
     */
    public record Ceiling(double roundTripsPerSecond, long roundTrips, double validSeconds,
            double rttMeanMicros, double rttP50Micros, double rttP99Micros) {
    }

    /**
     * A calibration's outcome, for environment.json: the ceiling, or why there is none.
     *
     * @param skipped empty when {@code ceiling} is present
     */
    public record Result(Optional<Ceiling> ceiling, Optional<String> skipped, int messageBytes,
            boolean tcpNoDelay, String serverCpus, String clientCpus, Duration duration,
            List<String> clientCommand) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tool", TOOL + " ping-pong over 127.0.0.1 TCP");
            m.put("message_bytes", messageBytes);
            m.put("tcp_nodelay", tcpNoDelay);
            m.put("server_cpus", serverCpus);
            m.put("client_cpus", clientCpus);
            m.put("seconds", duration.toSeconds());
            skipped.ifPresent(s -> m.put("skipped", s));
            ceiling.ifPresent(c -> {
                m.put("round_trips_per_s", Math.round(c.roundTripsPerSecond()));
                m.put("round_trips", c.roundTrips());
                m.put("valid_seconds", c.validSeconds());
                m.put("rtt_mean_us", c.rttMeanMicros());
                m.put("rtt_p50_us", c.rttP50Micros());
                m.put("rtt_p99_us", c.rttP99Micros());
            });
            m.put("client_command", String.join(" ", clientCommand));
            return m;
        }
    }

    private PingPongCeiling() {
    }

    /**
     * Runs sockperf's server and client for about {@code duration} (whole seconds, at least
     * one) and ends both by their process ids. Never throws for a missing or failing sockperf:
     * the result says why it was skipped.
     */
    public static Result measure(int messageBytes, boolean tcpNoDelay, BitSet serverCpus,
            BitSet clientCpus, Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        List<String> nagle = tcpNoDelay ? List.of() : List.of("--tcp-avoid-nodelay");
        Result skipped = new Result(Optional.empty(), Optional.empty(), messageBytes, tcpNoDelay,
                CpuSet.format(serverCpus), CpuSet.format(clientCpus), Duration.ofSeconds(seconds),
                List.of());
        if (messageBytes > MAX_MESSAGE_BYTES) {
            return skip(skipped, "messages of " + messageBytes + " bytes exceed sockperf's"
                    + " largest, " + MAX_MESSAGE_BYTES);
        }
        int port;
        try {
            port = freePort();
        } catch (IOException e) {
            return skip(skipped, "no free port on 127.0.0.1: " + e.getMessage());
        }
        List<String> server = new ArrayList<>(List.of(TOOL, "server", "--tcp", "-i",
                "127.0.0.1", "-p", Integer.toString(port)));
        server.addAll(nagle);
        List<String> client = new ArrayList<>(List.of(TOOL, "ping-pong", "--tcp", "-i",
                "127.0.0.1", "-p", Integer.toString(port), "-m", Integer.toString(messageBytes),
                "-t", Long.toString(seconds), "--full-rtt"));
        client.addAll(nagle);
        List<String> clientCommand = Commands.pinned(clientCpus, client);
        Result base = new Result(Optional.empty(), Optional.empty(), messageBytes, tcpNoDelay,
                skipped.serverCpus(), skipped.clientCpus(), skipped.duration(), clientCommand);

        try (ProcessTracker processes = new ProcessTracker()) {
            Process serverProcess;
            try {
                serverProcess = processes.start(new ProcessBuilder(
                        Commands.pinned(serverCpus, server)).redirectErrorStream(true));
            } catch (IOException e) {
                return skip(base, "cannot start " + TOOL + " (is it installed? apt-get install"
                        + " sockperf): " + e.getMessage());
            }
            if (!awaitListening(serverProcess)) {
                return skip(base, TOOL + " server did not start listening within "
                        + SERVER_READY.toSeconds() + " s");
            }
            Commands.Output out = Commands.run(processes, clientCommand,
                    Duration.ofSeconds(seconds).plus(CLIENT_SLACK));
            if (out.timedOut()) {
                return skip(base, TOOL + " client did not finish within "
                        + (seconds + CLIENT_SLACK.toSeconds()) + " s");
            }
            Optional<Ceiling> ceiling = parse(out.text());
            if (out.status() != 0 || ceiling.isEmpty()) {
                return skip(base, TOOL + " client exited with status " + out.status()
                        + lastLine(out.text()));
            }
            return new Result(ceiling, Optional.empty(), messageBytes, tcpNoDelay,
                    base.serverCpus(), base.clientCpus(), base.duration(), clientCommand);
        } catch (IOException e) {
            return skip(base, "cannot run " + TOOL + ": " + e.getMessage());
        }
    }

    /** Reads a sockperf ping-pong client's output; empty when it holds no valid duration. */
    public static Optional<Ceiling> parse(String output) {
        String text = ANSI.matcher(output).replaceAll("");
        Matcher valid = VALID.matcher(text);
        if (!valid.find()) {
            return Optional.empty();
        }
        double seconds = Double.parseDouble(valid.group(1));
        long received = Long.parseLong(valid.group(3));
        if (!(seconds > 0) || received == 0) {
            return Optional.empty();
        }
        Matcher mean = MEAN.matcher(text);
        double meanMicros = mean.find() ? Double.parseDouble(mean.group(1)) : Double.NaN;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(text);
        while (p.find()) {
            double at = Double.parseDouble(p.group(1));
            if (at == 50.0) {
                p50 = Double.parseDouble(p.group(2));
            } else if (at == 99.0) {
                p99 = Double.parseDouble(p.group(2));
            }
        }
        return Optional.of(new Ceiling(received / seconds, received, seconds, meanMicros, p50,
                p99));
    }

    /**
     * Waits for the line sockperf's server prints once its socket listens and its thread
     * blocks on it; the rest of its output is drained so that it never blocks on a full pipe.
     */
    private static boolean awaitListening(Process server) {
        CountDownLatch listening = new CountDownLatch(1);
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("block on socket")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // The server was ended; nothing more to read.
            }
        }, "sockperf-server-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return listening.await(SERVER_READY.toMillis(), TimeUnit.MILLISECONDS)
                    && server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A port free on 127.0.0.1 a moment ago. sockperf cannot bind port 0 and report it, so a
     * port is picked this way; should another program take it first, the calibration is
     * skipped with the client's error, and the run goes on.
     */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String lastLine(String text) {
        String last = ANSI.matcher(text).replaceAll("").strip().lines()
                .reduce((a, b) -> b).orElse("");
        return last.isEmpty() ? "" : ": " + last;
    }

    private static Result skip(Result base, String reason) {
        return new Result(Optional.empty(), Optional.of(reason), base.messageBytes(),
                base.tcpNoDelay(), base.serverCpus(), base.clientCpus(), base.duration(),
                base.clientCommand());
    }
}
