package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CPU clock of a process, against what the kernel's /proc says of the same process. */
class ProcessCpuClockTest {

    @Test
    void readsAnotherProcesssCpuTimeInNanosecondsAgreeingWithItsStatLine() throws Exception {
        // A child that spins for a while, then waits, so both readings see a live process.
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; read x").start();
        try {
            ProcessCpuClock clock = ProcessCpuClock.of(child.pid()).orElseThrow();
            long first = clock.nanos().orElseThrow();
            TimeUnit.MILLISECONDS.sleep(300);
            long second = clock.nanos().orElseThrow();
            long ticks = CpuTime.of(ProcessStat.parse(ProcFiles.read(Path.of("/proc",
                    Long.toString(child.pid()), "stat")).orElseThrow())).totalNanos();
            long third = clock.nanos().orElseThrow();

            assertThat(second).isGreaterThanOrEqualTo(first);
            // /proc rounds the same sum down to clock ticks, user and system apart.
            assertThat(ticks).isBetween(second - 2 * ClockTicks.toNanos(1), third);
            assertThat(third % 1_000_000).as("not a whole number of milliseconds, as ticks are")
                    .isNotZero();
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void countsTheThreadsOfItsOwnProcessIncludingOnesThatExited() throws Exception {
        ProcessCpuClock clock = ProcessCpuClock.of(ProcessHandle.current().pid()).orElseThrow();
        long before = clock.nanos().orElseThrow();
        long[] spent = new long[1];
        Thread t = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < TimeUnit.MILLISECONDS.toNanos(50)) {
                x += System.nanoTime() % 7;
            }
            spent[0] = threads.getCurrentThreadCpuTime() + (x & 0);
        });
        t.start();
        t.join();
        long after = clock.nanos().orElseThrow();

        assertThat(after - before).as("the exited thread's CPU time is in the process's")
                .isGreaterThanOrEqualTo(spent[0]);
    }

    @Test
    void aProcessThatIsGoneHasNoClock() throws Exception {
        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        child.waitFor();

        assertThat(ProcessCpuClock.of(pid)).isEmpty();
        assertThat(ProcessCpuClock.of(-1)).isEmpty();
    }
}
