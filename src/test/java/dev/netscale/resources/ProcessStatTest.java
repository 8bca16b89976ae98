package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessStatTest {

    @Test
    void readsTimesAndThreadsFromAStatLine() {
        ProcessStat s = ProcessStat.parse(Fixtures.text("stat-plain.txt"));

        assertThat(s.pid()).isEqualTo(4242);
        assertThat(s.comm()).isEqualTo("netscale-receiv");
        assertThat(s.state()).isEqualTo('S');
        // fields 14 and 15
        assertThat(s.utimeTicks()).isEqualTo(170);
        assertThat(s.stimeTicks()).isEqualTo(490);
        assertThat(s.cpuTicks()).isEqualTo(660);
        assertThat(s.threads()).isEqualTo(3);
    }

    @Test
    void countsFieldsFromTheLastParenthesisSoACommandNameMayHoldAny() {
        ProcessStat s = ProcessStat.parse(Fixtures.text("stat-tricky-comm.txt"));

        assertThat(s.comm()).isEqualTo("tricky (name) x");
        assertThat(s.state()).isEqualTo('R');
        assertThat(s.utimeTicks()).isEqualTo(7);
        assertThat(s.stimeTicks()).isEqualTo(3);
        assertThat(s.threads()).isEqualTo(12);
    }

    @Test
    void refusesALineThatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcessStat.parse("Name: java"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /proc stat line: 'Name: java'");
        assertThatThrownBy(() -> ProcessStat.parse("1 (x) S 0 1"))
                .hasMessage("a /proc stat line with 5 fields, expected at least 20: '1 (x) S 0 1'");
    }

    @Test
    void readsAThreadsNameAndContextSwitchesFromItsStatus() {
        TaskStatus s = TaskStatus.parse(Fixtures.text("proc-done/4242/task/4250/status"));

        assertThat(s.name()).isEqualTo("netscale-receiv");
        assertThat(s.voluntarySwitches()).isEqualTo(12000);
        assertThat(s.involuntarySwitches()).isEqualTo(55);
    }

    @Test
    void readsTheRunTimeFromSchedstatAndFallsBackToTicksWithoutIt() {
        assertThat(TaskReading.read(4250, Fixtures.path("proc-done/4242/task/4250")))
                .hasValue(new TaskReading(4250, "netscale-receiv", 950_000_000, 12000, 55));
        // 4252 has no schedstat file: utime 1 + stime 1 ticks of its stat line
        assertThat(TaskReading.read(4252, Fixtures.path("proc-done/4242/task/4252")).get()
                .cpuNanos()).isEqualTo(ClockTicks.toNanos(2));
    }
}
