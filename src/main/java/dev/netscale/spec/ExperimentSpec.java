package dev.netscale.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A validated experiment spec: what to measure, on which backend, how often. Built only by
 * {@link SpecLoader}, which reports every problem of a YAML file at once.
 *
 * @param source the file the spec was read from
 * @param text the spec as written, copied into every results folder
 * @param hash SHA-256 of {@code text}, written into every CSV row
 * @param repetitions the repetitions of each point; with {@code convergence}, the most a point
 *     gets
 * @param convergence present for {@code repetitions: auto}
 * @param calibration how long the host's loopback ping-pong ceiling is measured before the
 *     trials; empty for {@code calibration: off}
 * @param expectations the shapes {@code netscale check} verifies, in the spec's order
 * @param profile whether to count each receiver's system calls in an extra traced trial
 */
public record ExperimentSpec(
        String name,
        String description,
        Backend backend,
        MessageSpec message,
        SenderSpec senders,
        List<ReceiverSpec> receivers,
        Start start,
        int repetitions,
        Timeouts timeouts,
        String baseline,
        Optional<Path> reference,
        boolean allowOverlap,
        DockerSpec docker,
        Order order,
        Optional<Convergence> convergence,
        Optional<Duration> calibration,
        List<Expectation> expectations,
        Profile profile,
        Path source,
        String text,
        String hash) {

    /** Where the receivers and senders run. */
    public enum Backend {
        LOCAL, DOCKER;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** How senders begin: all released together (default) or as soon as each connects. */
    public enum Start {
        TOGETHER, STAGGERED;

        public String id() {
            return name().toLowerCase();
        }
    }

    /**
     * The messages of a trial.
     *
     * @param total messages split across the senders of a trial (the reference's way); a trial
     *     with N senders moves {@code total - total % N}; empty when {@code perSender} is set
     * @param perSender a fixed count per sender instead of a split total
     */
    public record MessageSpec(int sizeBytes, Optional<Long> total, Optional<Long> perSender,
            int warmup, boolean tcpNoDelay) {

        /** Measured messages each connection sends in a trial with {@code senders} senders. */
        public long perConnection(int senders) {
            return perSender.orElseGet(() -> total.orElseThrow() / senders);
        }
    }

    /**
     * @param counts the sender counts, in the order given
     * @param perProcess connections opened by one sender process (or container)
     */
    public record SenderSpec(List<Integer> counts, CpuSet cpus, int perProcess) {
    }

    /**
     * @param id a name unique within the spec, used in tables and charts
     * @param compiler Wasmer's compiler backend, for {@link Runtime#WASMER} only
     * @param jvmOptions extra options for the JVM runtimes
     * @param fault a fault the receiver injects on purpose, for testing netscale itself
     * @param warmup warm-up messages per connection for this receiver, in place of the
     *     message section's (a JVM's compilers may deserve some, a native receiver none)
     */
    public record ReceiverSpec(String id, Runtime runtime, Optional<String> compiler, CpuSet cpus,
            List<String> jvmOptions, Optional<String> fault, Optional<Integer> warmup) {

        /** This receiver's warm-up messages per connection. */
        public int warmup(MessageSpec message) {
            return warmup.orElse(message.warmup());
        }
    }

    public record Timeouts(Duration setup, Duration trial) {
    }

    /**
     * Limits of the docker backend's containers; the local backend ignores them.
     *
     * @param memoryBytes the memory limit of every receiver and sender container (swap
     *     included, so that a container over its limit is killed rather than slowed)
     */
    public record DockerSpec(long memoryBytes) {
    }

    /**
     * The order of a repetition's trials.
     *
     * @param shuffle whether each repetition's trials (every receiver at every sender count)
     *     run in a shuffled order; otherwise sender counts ascend and receivers follow the spec
     * @param seed the shuffle's seed; when empty a run draws one and records it
     */
    public record Order(boolean shuffle, OptionalLong seed) {
    }

    /**
     * {@code repetitions: auto}: a point is repeated until the half-width of its throughput's
     * 95% interval is at most {@code target} times its mean, or it has {@code max} repetitions.
     *
     * @param target the share of the mean, such as 0.05 for 5%
     * @param min repetitions every point gets before convergence is judged (at least 2)
     * @param max the most repetitions a point gets; {@link #repetitions()} equals it
     */
    public record Convergence(double target, int min, int max) {
    }

    /**
     * {@code profile:}: after the trials, one extra trial per receiver with its system calls
     * counted ({@code strace -c -f}), for counts only.
     *
     * @param senders the sender count of the traced trials; empty for the default (the
     *     largest of the spec's counts up to 4)
     */
    public record Profile(boolean enabled, java.util.OptionalInt senders) {
        public static final Profile OFF = new Profile(false, java.util.OptionalInt.empty());
    }

    /** The receiver spec with the given id. */
    public Optional<ReceiverSpec> receiver(String id) {
        return receivers.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
