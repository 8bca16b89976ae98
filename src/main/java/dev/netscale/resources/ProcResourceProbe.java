package dev.netscale.resources;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link ResourceProbe} on Linux's {@code /proc} (and a cgroup folder for containers). The
 * background sampler pauses between samples at least {@code minInterval} and at least 50
 * times as long as its last sample took, so that it costs the host about 2% of one CPU at
 * most however many threads the receiver has.
 */
final class ProcResourceProbe implements ResourceProbe {
    private static final long MAX_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The source of a process read through its CPU clock, split by its stat line. */
    static final String PROC_CLOCK = "proc-clock";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path procRoot;
    private final Supplier<CpuTime> cpuTime;
    private final String source;
    private final long resolutionNanos;
    private final BitSet receiverCpus;
    private final BitSet senderCpus;
    private final TaskSampler sampler;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final CpuTime cpuBefore;
    private final SystemCpuStat systemBefore;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long samplerCpuNanos;
    private long callerCpuNanos;

    ProcResourceProbe(Path procRoot, ProbeTarget target, BitSet receiverCpus, BitSet senderCpus,
            Duration minInterval) {
        this(procRoot, target, receiverCpus, senderCpus, minInterval, System::nanoTime);
    }

    /** @param clock the wall clock of the window, in nanoseconds; tests give their own */
    ProcResourceProbe(Path procRoot, ProbeTarget target, BitSet receiverCpus, BitSet senderCpus,
            Duration minInterval, LongSupplier clock) {
        this.procRoot = procRoot;
        this.clock = clock;
        this.receiverCpus = (BitSet) receiverCpus.clone();
        this.senderCpus = (BitSet) senderCpus.clone();
        this.minIntervalNanos = minInterval.toNanos();
        if (target.cgroupDir().isPresent()) {
            CgroupCpu cgroup = CgroupCpu.at(target.cgroupDir().get());
            cpuTime = cgroup::read;
            source = cgroup.version().id();
            resolutionNanos = cgroup.version() == CgroupCpu.Version.V1 ? 1 : 1000;
            sampler = new TaskSampler(TaskSampler.ofCgroup(procRoot, cgroup));
        } else {
            Path stat = procRoot.resolve(Long.toString(target.pid())).resolve("stat");
            Supplier<CpuTime> ticks = () -> CpuTime.of(ProcessStat.parse(ProcFiles.read(stat)
                    .orElseThrow(() -> new IllegalStateException("cannot read " + stat
                            + ": the receiver exited"))));
            Optional<ProcessCpuClock> precise = procRoot.equals(Path.of("/proc"))
                    ? ProcessCpuClock.of(target.pid()) : Optional.empty();
            if (precise.isPresent()) {
                // The total from the process's CPU clock, in nanoseconds; the split into
                // user and system time from its stat line, which only clock ticks give.
                ProcessCpuClock cpuClock = precise.get();
                cpuTime = () -> {
                    CpuTime split = ticks.get();
                    long total = cpuClock.nanos().orElseThrow(() -> new IllegalStateException(
                            "cannot read the CPU clock of " + cpuClock.pid()
                                    + ": the receiver exited"));
                    return new CpuTime(total, split.userNanos(), split.systemNanos());
                };
                source = PROC_CLOCK;
                resolutionNanos = 1;
            } else {
                cpuTime = ticks;
                source = "proc";
                resolutionNanos = ClockTicks.toNanos(1);
            }
            sampler = new TaskSampler(TaskSampler.ofProcess(procRoot, target.pid()));
        }

        long cpu0 = callerCpu();
        startNanos = clock.getAsLong();
        cpuBefore = cpuTime.get();
        systemBefore = systemStat();
        sampler.sample();
        callerCpuNanos += callerCpu() - cpu0;
        thread = Thread.ofPlatform().daemon().name("netscale-probe-" + target.pid())
                .start(this::loop);
    }

    private void loop() {
        long interval = minIntervalNanos;
        while (!stopped) {
            try {
                TimeUnit.NANOSECONDS.sleep(interval);
            } catch (InterruptedException e) {
                break;
            }
            if (stopped) {
                break;
            }
            long t0 = System.nanoTime();
            try {
                sampler.sample();
            } catch (RuntimeException e) {
                // A thread's file changed under the reader; the next sample tries again.
            }
            interval = Math.min(MAX_INTERVAL_NANOS,
                    Math.max(minIntervalNanos, 50 * (System.nanoTime() - t0)));
        }
        samplerCpuNanos = THREADS.isCurrentThreadCpuTimeSupported()
                ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Samples the threads now, as the background thread does. */
    void sampleNow() {
        sampler.sample();
    }

    @Override
    public ResourceUse finish() {
        close();
        long cpu0 = callerCpu();
        sampler.sample();
        CpuTime cpuAfter = cpuTime.get();
        SystemCpuStat systemAfter = systemStat();
        long window = clock.getAsLong() - startNanos;
        callerCpuNanos += callerCpu() - cpu0;
        long probeCpu = samplerCpuNanos < 0 || callerCpuNanos < 0 ? -1
                : samplerCpuNanos + callerCpuNanos;
        return new ResourceUse(source, window, CpuTime.between(cpuBefore, cpuAfter),
                SystemCpuStat.between(systemBefore, systemAfter, receiverCpus),
                SystemCpuStat.between(systemBefore, systemAfter, senderCpus), sampler.peak(),
                sampler.used(), sampler.samples(), probeCpu, resolutionNanos);
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SystemCpuStat systemStat() {
        Path stat = procRoot.resolve("stat");
        return SystemCpuStat.parse(ProcFiles.read(stat).orElseThrow(() ->
                new IllegalStateException("cannot read " + stat)));
    }

    private static long callerCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime()
                : -1;
    }
}
