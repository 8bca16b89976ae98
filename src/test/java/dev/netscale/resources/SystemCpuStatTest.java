package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.spec.CpuSet;
import org.junit.jupiter.api.Test;

/**
 * From proc-released/stat to proc-done/stat, 100 ticks pass on each CPU:
 * cpu0 +40 user +45 system +10 softirq +5 idle (95 busy), cpu1 +30 +20 +5 +45 (55 busy),
 * cpu2 +20 +70 +2 +8 (92 busy); iowait, irq and steal do not move.
 */
class SystemCpuStatTest {
    private static final SystemCpuStat BEFORE = SystemCpuStat.parse(
            Fixtures.text("proc-released/stat"));
    private static final SystemCpuStat AFTER = SystemCpuStat.parse(
            Fixtures.text("proc-done/stat"));

    @Test
    void readsEachCpuAndSkipsTheSummaryAndOtherLines() {
        assertThat(BEFORE.cpus()).containsOnlyKeys(0, 1, 2, 3);
        // cpu0: user 1000 + system 500 + softirq 50 + steal 10; + idle 8000 + iowait 100
        assertThat(BEFORE.cpus().get(0)).isEqualTo(new SystemCpuStat.Cpu(1560, 9660));
    }

    @Test
    void countsSoftirqAsBusySinceLoopbackNetworkWorkIsChargedThere() {
        CpuSetUse cpu0 = SystemCpuStat.between(BEFORE, AFTER, CpuSet.parseList("0"));
        assertThat(cpu0.busyShare()).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void sumsTheBusyTimeOfEveryCpuOfASet() {
        CpuSetUse receiver = SystemCpuStat.between(BEFORE, AFTER, CpuSet.parseList("0-1"));
        assertThat(receiver.cpus()).isEqualTo(2);
        // (95 + 55) of 200 ticks
        assertThat(receiver.busyShare()).isCloseTo(0.75, within(1e-12));
        assertThat(receiver.busyNanos()).isEqualTo(ClockTicks.toNanos(150));

        CpuSetUse sender = SystemCpuStat.between(BEFORE, AFTER, CpuSet.parseList("2"));
        assertThat(sender.busyShare()).isCloseTo(0.92, within(1e-12));
    }

    @Test
    void leavesOutCpusTheHostDoesNotHave() {
        CpuSetUse use = SystemCpuStat.between(BEFORE, AFTER, CpuSet.parseList("3-5"));
        assertThat(use.cpus()).isEqualTo(1);
        assertThat(use.busyShare()).isEqualTo(0);
        assertThat(CpuSetUse.NONE.busyShare()).isNaN();
    }
}
