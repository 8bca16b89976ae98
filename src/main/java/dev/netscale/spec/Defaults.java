package dev.netscale.spec;

import java.time.Duration;

/** Every default of a spec, in one place. The README's spec reference lists the same values. */
public final class Defaults {
    public static final int MESSAGE_BYTES = 1024;
    /** The smallest message: kind, padding, connection id and sequence number. */
    public static final int MIN_MESSAGE_BYTES = 16;
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** The reference measurement's fixed total per point. */
    public static final long TOTAL_MESSAGES = 10_000;
    public static final int WARMUP_MESSAGES = 0;
    /** The reference harness left Nagle's algorithm at the system default: on. */
    public static final boolean TCP_NODELAY = false;
    public static final int SENDERS_PER_PROCESS = 1;
    public static final int MAX_SENDERS = 4096;
    public static final int REPETITIONS = 5;
    public static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(60);
    public static final String WASMER_COMPILER = "cranelift";
    /**
     * Wasmer runs WASIX threads on a pool of max(200, 100 x CPUs) host threads; a thread
     * spawned past it reports success but never starts (wasmer-wasix 0.704,
     * runtime/task_manager/tokio.rs). With the main thread, 199 connections always fit.
     */
    public static final int WASMER_MAX_SENDERS = 199;
    /** The docker backend's memory limit per container: room for a JVM's default heap. */
    public static final long DOCKER_MEMORY_BYTES = 512L << 20;
    /** Trials of a repetition run in a shuffled order, so that drift spreads over all points. */
    public static final boolean SHUFFLE = true;
    /** {@code repetitions: auto}: repeat until the 95% interval is within this share of the mean. */
    public static final double CONVERGENCE_TARGET = 0.05;
    /** {@code repetitions: auto}: repetitions every point gets before convergence is judged. */
    public static final int CONVERGENCE_MIN = 3;
    /** {@code repetitions: auto}: the most repetitions a point gets. */
    public static final int CONVERGENCE_MAX = 10;
    /** How long the loopback ping-pong that calibrates the host runs before the trials. */
    public static final Duration CALIBRATION = Duration.ofSeconds(3);
    /** A trial window shorter than this measures start-up jitter more than throughput. */
    public static final Duration MIN_MEANINGFUL_WINDOW = Duration.ofMillis(100);

    private Defaults() {
    }
}
