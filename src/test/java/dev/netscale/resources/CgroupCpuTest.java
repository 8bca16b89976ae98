package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupCpuTest {

    /**
     * v1: cpuacct.usage goes from 5.0 s to 7.4 s; cpuacct.stat moves user +60 and system +20
     * ticks, so the 2.4 s split 3 to 1: 1.8 s user, 0.6 s system.
     */
    @Test
    void readsCgroupV1TotalInNanosecondsAndSplitsItByTheTickCounts() {
        CgroupCpu before = CgroupCpu.at(Fixtures.path("cgroup-v1/released"));
        CgroupCpu after = CgroupCpu.at(Fixtures.path("cgroup-v1/done"));
        assertThat(before.version()).isEqualTo(CgroupCpu.Version.V1);

        CpuTime.CpuUse use = CpuTime.between(before.read(), after.read());
        assertThat(use.totalNanos()).isEqualTo(2_400_000_000L);
        assertThat(use.userNanos()).isCloseTo(1.8e9, within(1.0));
        assertThat(use.systemNanos()).isCloseTo(0.6e9, within(1.0));
    }

    /** v2: usage_usec +1.5 s, user_usec +1.0 s, system_usec +0.5 s. */
    @Test
    void readsCgroupV2CpuStatInMicroseconds() {
        CgroupCpu before = CgroupCpu.at(Fixtures.path("cgroup-v2/released"));
        CgroupCpu after = CgroupCpu.at(Fixtures.path("cgroup-v2/done"));
        assertThat(before.version()).isEqualTo(CgroupCpu.Version.V2);

        CpuTime.CpuUse use = CpuTime.between(before.read(), after.read());
        assertThat(use.totalNanos()).isEqualTo(1_500_000_000L);
        assertThat(use.userNanos()).isCloseTo(1.0e9, within(1.0));
        assertThat(use.systemNanos()).isCloseTo(0.5e9, within(1.0));
    }

    @Test
    void leavesTheSplitUnknownWhenNeitherTickCountMoved() {
        CpuTime.CpuUse use = CpuTime.between(new CpuTime(1_000, 0, 0),
                new CpuTime(5_000_000, 0, 0));
        assertThat(use.totalNanos()).isEqualTo(4_999_000);
        assertThat(use.userNanos()).isNaN();
        assertThat(use.systemNanos()).isNaN();
    }

    @Test
    void refusesAFolderThatIsNoCpuCgroup(@TempDir Path empty) {
        assertThatThrownBy(() -> CgroupCpu.at(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty + " holds neither cpuacct.usage (cgroup v1) nor cpu.stat"
                        + " (cgroup v2); give the container's cgroup folder");
    }

    @Test
    void listsTheThreadsOfACgroupFromItsTasksOrThreadsFile() {
        Path proc = Path.of("/proc");
        assertThat(TaskSampler.ofCgroup(proc, CgroupCpu.at(Fixtures.path("cgroup-v1/done")))
                .list()).containsExactly(5001L, 5002L, 5003L);
        assertThat(TaskSampler.ofCgroup(proc, CgroupCpu.at(Fixtures.path("cgroup-v2/done")))
                .list()).containsExactly(6001L, 6007L);
    }

    @Test
    void findsTheCpuacctHierarchyOnAHybridHost() {
        // This host's layout: one v1 hierarchy per controller, and an empty v2 one.
        assertThat(CgroupPaths.locate(Fixtures.text("cgroup-hybrid.txt"),
                Fixtures.text("mountinfo-hybrid.txt")))
                .hasValue(Path.of("/sys/fs/cgroup/cpuacct/docker/0123abcd"));
    }

    @Test
    void findsACombinedCpuAndCpuacctHierarchy() {
        assertThat(CgroupPaths.locate(Fixtures.text("cgroup-v1-combined.txt"),
                Fixtures.text("mountinfo-v1-combined.txt")))
                .hasValue(Path.of("/sys/fs/cgroup/cpu,cpuacct/docker/4567ef"));
    }

    @Test
    void findsTheUnifiedHierarchyOnACgroupV2Host() {
        assertThat(CgroupPaths.locate(Fixtures.text("cgroup-v2-only.txt"),
                Fixtures.text("mountinfo-v2-only.txt")))
                .hasValue(Path.of("/sys/fs/cgroup/system.slice/docker-89ab.scope"));
    }
}
