package dev.netscale.cli;

import dev.netscale.calibrate.CeilingShare;
import dev.netscale.calibrate.Calibration;
import dev.netscale.plan.ConvergenceRule;
import dev.netscale.plan.Trial;
import dev.netscale.results.PointKey;
import dev.netscale.results.TrialRecord;
import dev.netscale.run.Runner;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.Runtime;
import dev.netscale.stats.Sample;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run as a person follows it: the plan first, then one line per trial with an ETA, then
 * the summary and the paths. Meta lines start with {@code # }.
 */
final class Console implements Runner.Listener {
    /**
     * Rough rates for estimates only, measured on a 2-CPU virtual machine with one receiver
     * CPU: one closed-loop loopback connection's round trips per second, and what one
     * receiver core sustains with many connections, by runtime.
     */
    private static final double ROUGH_ROUND_TRIPS_PER_CONNECTION = 10_000;
    private static final Map<Runtime, Double> ROUGH_MESSAGES_PER_CORE = Map.of(
            Runtime.NATIVE, 60_000.0, Runtime.JVM, 35_000.0, Runtime.JVM_VIRTUAL, 22_000.0,
            Runtime.WASMER, 28_000.0);
    /** Seconds a trial costs besides its messages: start-up of the receiver, then the rest. */
    private static final Map<Runtime, Double> ROUGH_SETUP_SECONDS = Map.of(Runtime.NATIVE,
            0.05, Runtime.JVM, 0.25, Runtime.JVM_VIRTUAL, 0.25, Runtime.WASMER, 0.1);
    private static final double ROUGH_TRIAL_OVERHEAD_SECONDS = 0.1;
    /** Checking the host and the programs, and the report at the end. */
    private static final double ROUGH_START_SECONDS = 5;
    /** Creating, starting and removing a trial's containers, on top. */
    private static final double ROUGH_DOCKER_OVERHEAD_SECONDS = 0.7;

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    /** The narrowest receiver column. */
    private static final int MIN_ID_WIDTH = 14;

    /** The width of the receiver column, set by the spec's receivers. */
    private int idWidth = MIN_ID_WIDTH;

    /** A receiver column wide enough for every id, and at least {@value #MIN_ID_WIDTH}. */
    static int idWidth(java.util.stream.Stream<String> ids) {
        return Math.max(MIN_ID_WIDTH, ids.mapToInt(String::length).max().orElse(0));
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void header(ExperimentSpec s, ExperimentSpec.Backend backend, List<Trial> trials,
            RunSettings settings) {
        idWidth = idWidth(s.receivers().stream().map(ExperimentSpec.ReceiverSpec::id));
        line("# netscale: spec " + s.name() + " (" + s.source() + "), backend " + backend.id());
        if (!s.description().isBlank()) {
            line("# " + s.description().strip().replace("\n", "\n# "));
        }
        Trial first = trials.get(0);
        for (var r : s.receivers()) {
            Trial t = trials.stream().filter(x -> x.receiver().equals(r)).findFirst()
                    .orElse(first);
            line("# receiver " + r.id() + ": " + r.runtime().id()
                    + r.compiler().map(c -> " (" + c + ")").orElse("") + ", CPUs "
                    + CpuSet.format(t.receiverCpus())
                    + r.warmup().map(w -> ", warm-up " + w).orElse(""));
        }
        var m = s.message();
        line("# senders " + s.senders().counts().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + " on CPUs " + CpuSet.format(first.senderCpus())
                + "; " + m.total().map(t -> t + " messages split across the senders")
                        .orElse(m.perSender().orElse(0L) + " messages per sender")
                + " of " + m.sizeBytes() + " bytes; start " + s.start().id() + "; warm-up "
                + m.warmup() + "; TCP_NODELAY " + m.tcpNoDelay());
        int reps = trials.stream().mapToInt(Trial::repetition).max().orElse(0);
        line("# " + (settings.convergence().isPresent() ? "up to " : "") + trials.size()
                + " trials: " + s.senders().counts().size() + " sender counts x "
                + s.receivers().size() + " receivers x "
                + (settings.convergence().isPresent() ? "up to " : "") + reps + " repetitions");
        settings.convergence().ifPresent(c -> line(String.format(Locale.ROOT, "# repetitions:"
                + " auto: each point until its 95%% interval is within +-%s%% of its mean, at"
                + " least %d and at most %d", percent(c.target()), c.min(), c.max())));
        line(settings.shuffle() ? "# order: shuffled within each repetition, seed "
                + settings.seed() + switch (settings.seedSource()) {
                    case "drawn" -> " (drawn; put order: { seed: " + settings.seed()
                            + " } in the spec to repeat it)";
                    case "resumed" -> " (from the run being resumed)";
                    default -> "";
                }
                : "# order: sender counts ascending, receivers in spec order (not shuffled)");
    }

    /** What the calibration found, and warnings about a busy host. */
    void calibrated(Calibration c) {
        if (c.environment().get(CeilingShare.KEY) instanceof Map<?, ?> m) {
            line(m.get("round_trips_per_s") != null
                    ? String.format(Locale.ROOT, "# host reference: %,d round trips/s (sockperf"
                            + " ping-pong, server CPUs %s, client CPUs %s)",
                            ((Number) m.get("round_trips_per_s")).longValue(),
                            m.get("server_cpus"), m.get("client_cpus"))
                    : "# host reference not measured: " + m.get("skipped"));
        }
        c.warnings().forEach(w -> line("# warning: " + w));
    }

    @Override
    public void converged(PointKey point, Sample throughput, int repetitions) {
        line(String.format(Locale.ROOT, "# converged: %s at %d sender%s, +-%.1f%% after %d"
                + " repetitions", point.receiver(), point.senders(),
                point.senders() == 1 ? "" : "s",
                100 * ConvergenceRule.relativeHalfWidth(throughput), repetitions));
    }

    private static String percent(double share) {
        double p = share * 100;
        return p == Math.rint(p) ? Long.toString((long) p)
                : String.format(Locale.ROOT, "%.1f", p);
    }

    void estimate(List<Trial> trials, ExperimentSpec s, ExperimentSpec.Backend backend) {
        double seconds = s.calibration().map(d -> d.toMillis() / 1000.0).orElse(0.0)
                + ROUGH_START_SECONDS;
        for (Trial t : trials) {
            Runtime rt = t.receiver().runtime();
            double rate = Math.min(t.senders() * ROUGH_ROUND_TRIPS_PER_CONNECTION,
                    t.receiverCpus().cardinality() * ROUGH_MESSAGES_PER_CORE.get(rt));
            seconds += ROUGH_SETUP_SECONDS.get(rt) + ROUGH_TRIAL_OVERHEAD_SECONDS
                    + (backend == ExperimentSpec.Backend.DOCKER ? ROUGH_DOCKER_OVERHEAD_SECONDS
                            : 0)
                    + t.messages() / Math.max(1, rate);
        }
        line(String.format(Locale.ROOT, "# estimated time: %s (rough: from rates measured on a"
                + " 2-CPU machine, %,.0f round trips per second per connection and up to"
                + " %,.0f to %,.0f messages per second per receiver core)",
                human(Duration.ofMillis((long) (seconds * 1000))),
                ROUGH_ROUND_TRIPS_PER_CONNECTION,
                ROUGH_MESSAGES_PER_CORE.values().stream().mapToDouble(d -> d).min().orElse(0),
                ROUGH_MESSAGES_PER_CORE.values().stream().mapToDouble(d -> d).max().orElse(0)));
        line("# the plan, in the order the trials would run:");
        for (Trial t : trials) {
            line(String.format(Locale.ROOT, "  %4d  %-" + idWidth
                    + "s senders %3d  rep %d  %,d messages",
                    t.index(), t.receiver().id(), t.senders(), t.repetition(), t.messages()));
        }
    }

    @Override
    public void planned(List<Trial> all, List<Trial> toRun) {
        if (toRun.size() < all.size()) {
            line("# resuming: " + (all.size() - toRun.size()) + " of " + all.size()
                    + " trials already recorded");
        }
    }

    @Override
    public void trialDone(TrialRecord r, int done, int total, Duration eta) {
        String result = r.ok()
                ? String.format(Locale.ROOT, "%,12.0f msg/s  ok", r.throughput())
                : "      FAILED  " + r.failure();
        line(String.format(Locale.ROOT, "[%3d/%d] %-" + idWidth + "s senders %3d  rep %d %s%s",
                done, total,
                r.receiver(), r.senders(), r.repetition(), result,
                done < total ? "  ETA " + human(eta) : ""));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

}
