package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.spec.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver (PID 4242) read at its released line (proc-released), once during the window
 * (proc-mid) and at its done line (proc-done), one second apart. The fixtures' README lists
 * the numbers; in short:
 *
 * <pre>
 * process stat   utime 120 -> 170, stime 340 -> 490 ticks: 0.5 s user + 1.5 s system = 2 s
 * thread 4242    main thread, +5 ms, +3 voluntary switches
 * thread 4250    connection, +948 ms, +11,997 voluntary, +55 involuntary
 * thread 4251    connection, exits after proc-mid: +600 ms, +7,998, +30 up to then
 * thread 4252    "helper", born in the window (no schedstat): 2 ticks = 20 ms, +10, +1
 * </pre>
 */
class ResourceProbeTest {
    @TempDir
    Path proc;

    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void ticksAreHundredPerSecond() {
        // USER_HZ is part of Linux's ABI on x86-64 and arm64, always 100; the fixtures' tick
        // counts rely on it.
        assertThat(ClockTicks.perSecond()).as("USER_HZ").isEqualTo(100);
    }

    private ProcResourceProbe start() {
        Fixtures.copyTree("proc-released", proc);
        return new ProcResourceProbe(proc, ProbeTarget.process(4242), CpuSet.parseList("0-1"),
                CpuSet.parseList("2"), Duration.ofDays(1), clock::get);
    }

    private ResourceUse finishAfterOneSecond(ProcResourceProbe probe) {
        Fixtures.copyTree("proc-mid", proc);
        probe.sampleNow();
        Fixtures.copyTree("proc-done", proc);
        clock.set(1_000_000_000L);
        return probe.finish();
    }

    @Test
    void measuresTheProcessCpuOverTheWindowThreadsThatExitedIncluded() {
        ResourceUse use = finishAfterOneSecond(start());

        assertThat(use.source()).isEqualTo("proc");
        assertThat(use.windowNanos()).isEqualTo(1_000_000_000L);
        assertThat(use.cpu().totalNanos()).isEqualTo(2_000_000_000L);
        assertThat(use.cpu().userNanos()).isCloseTo(0.5e9, within(1.0));
        assertThat(use.cpu().systemNanos()).isCloseTo(1.5e9, within(1.0));
        // 2 s of CPU in 1 s of wall time
        assertThat(use.coresBusy()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void keepsTheLastReadingOfAThreadThatExitedAndCountsANewOneFromZero() {
        ResourceUse use = finishAfterOneSecond(start());

        assertThat(use.threads()).extracting(TaskReading::tid)
                .containsExactly(4250L, 4251L, 4252L, 4242L);
        assertThat(use.threads()).extracting(TaskReading::cpuNanos)
                .containsExactly(948_000_000L, 600_000_000L, 20_000_000L, 5_000_000L);
        assertThat(use.voluntarySwitches()).isEqualTo(3 + 11_997 + 7_998 + 10);
        assertThat(use.involuntarySwitches()).isEqualTo(55 + 30 + 1);
        // four threads were alive at proc-mid
        assertThat(use.threadsPeak()).isEqualTo(4);
        assertThat(use.samples()).isEqualTo(3);
    }

    @Test
    void namesTheBusiestThreadAndItsShareOfOneCore() {
        ResourceUse use = finishAfterOneSecond(start());

        assertThat(use.busiestThread().get().name()).isEqualTo("netscale-receiv");
        assertThat(use.busiestThreadCoreShare()).isCloseTo(0.948, within(1e-12));
        // 1,573 ms of the process's 2,000 ms were seen in the threads
        assertThat(use.threadCpuCoverage()).isCloseTo(0.7865, within(1e-12));
    }

    @Test
    void measuresHowBusyTheReceiversAndTheSendersCpuSetsWere() {
        ResourceUse use = finishAfterOneSecond(start());

        assertThat(use.receiverCpuSet().busyShare()).isCloseTo(0.75, within(1e-12));
        assertThat(use.senderCpuSet().busyShare()).isCloseTo(0.92, within(1e-12));
    }

    @Test
    void refusesToStartWhenTheReceiverIsGone() {
        Fixtures.copyTree("proc-released", proc);
        assertThatThrownBy(() -> new ProcResourceProbe(proc, ProbeTarget.process(999),
                CpuSet.parseList("0"), CpuSet.parseList("1"), Duration.ofDays(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read " + proc.resolve("999/stat") + ": the receiver exited");
    }

    @Test
    void readsThisJvmWithTheRealProc() {
        try (ResourceProbe probe = ResourceProbe.start(
                ProbeTarget.process(ProcessHandle.current().pid()), CpuSet.parseList("0"),
                CpuSet.parseList("0"))) {
            long spin = System.nanoTime() + 50_000_000L;
            double x = 0;
            while (System.nanoTime() < spin) {
                x += Math.sqrt(x + 1);
            }
            ResourceUse use = probe.finish();
            assertThat(x).isPositive();
            assertThat(use.windowNanos()).isGreaterThanOrEqualTo(50_000_000L);
            assertThat(use.threadsPeak()).isGreaterThan(1);
            assertThat(use.busiestThread()).isPresent();
            assertThat(use.samples()).isGreaterThanOrEqualTo(2);
        }
    }
}
