package dev.netscale.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static BitSet cpus(String list) {
        return CpuSet.parseList(list);
    }

    @Test
    void autoSplitsTheHostBetweenReceiverAndSenders() {
        BitSet[] forty = Planner.cpuSets(CpuSet.AUTO, CpuSet.AUTO, cpus("0-39"));
        assertThat(CpuSet.format(forty[0])).isEqualTo("0-19");
        assertThat(CpuSet.format(forty[1])).isEqualTo("20-39");
        BitSet[] two = Planner.cpuSets(CpuSet.AUTO, CpuSet.AUTO, cpus("0-1"));
        assertThat(CpuSet.format(two[0])).isEqualTo("0");
        assertThat(CpuSet.format(two[1])).isEqualTo("1");
    }

    @Test
    void autoTakesWhatAnExplicitSetLeaves() {
        BitSet[] sets = Planner.cpuSets(CpuSet.of(cpus("0-3")), CpuSet.AUTO, cpus("0-7"));
        assertThat(CpuSet.format(sets[1])).isEqualTo("4-7");
    }

    @Test
    void aSingleCpuHostSharesItsCpu() {
        BitSet[] one = Planner.cpuSets(CpuSet.AUTO, CpuSet.AUTO, cpus("3"));
        assertThat(CpuSet.format(one[0])).isEqualTo("3");
        assertThat(CpuSet.format(one[1])).isEqualTo("3");
    }

    @Test
    void repetitionsAreTheOuterLoopAndTotalsAreSplitAsTheReferenceDid() {
        ExperimentSpec spec = new SpecLoader(cpus("0-1")).parse("""
                name: p
                message: { total: 10 }
                senders: { counts: [1, 3] }
                receivers: [ { runtime: native }, { runtime: jvm } ]
                repetitions: 2
                """, Path.of("p.yaml"));
        List<Trial> trials = Planner.plan(spec, 2, cpus("0-1"));
        assertThat(trials).extracting(Trial::key).containsExactly(
                "1/native/1", "1/jvm/1", "1/native/3", "1/jvm/3",
                "2/native/1", "2/jvm/1", "2/native/3", "2/jvm/3");
        // 10 messages over 3 senders: 3 each, 9 in all (the reference's integer division).
        assertThat(trials.get(2).messagesPerConnection()).isEqualTo(3);
        assertThat(trials.get(2).messages()).isEqualTo(9);
    }
}
