package dev.netscale.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated experiment spec: what to measure, on which backend, how often. Built only by
 * {@link SpecLoader}, which reports every problem of a YAML file at once.
 *
 * @param source the file the spec was read from
 * @param text the spec as written, copied into every results folder
 * @param hash SHA-256 of {@code text}, written into every CSV row
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
     */
    public record ReceiverSpec(String id, Runtime runtime, Optional<String> compiler, CpuSet cpus,
            List<String> jvmOptions, Optional<String> fault) {
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

    /** The receiver spec with the given id. */
    public Optional<ReceiverSpec> receiver(String id) {
        return receivers.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
