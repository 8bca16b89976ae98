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
                order: { shuffle: false }
                """, Path.of("p.yaml"));
        List<Trial> trials = Planner.plan(spec, 2, cpus("0-1"));
        assertThat(trials).extracting(Trial::key).containsExactly(
                "1/native/1", "1/jvm/1", "1/native/3", "1/jvm/3",
                "2/native/1", "2/jvm/1", "2/native/3", "2/jvm/3");
        // 10 messages over 3 senders: 3 each, 9 in all (the reference's integer division).
        assertThat(trials.get(2).messagesPerConnection()).isEqualTo(3);
        assertThat(trials.get(2).messages()).isEqualTo(9);
    }

    private static final ExperimentSpec SHUFFLED = new SpecLoader(cpus("0-1")).parse("""
            name: s
            message: { total: 100 }
            senders: { counts: [1, 2, 3, 4, 5] }
            receivers: [ { runtime: native }, { runtime: jvm }, { runtime: wasmer } ]
            repetitions: 3
            """, Path.of("s.yaml"));

    private static List<String> keys(List<Trial> trials) {
        return trials.stream().map(Trial::key).toList();
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        List<String> first = keys(Planner.plan(SHUFFLED, 3, cpus("0-1"), true, 42));
        List<String> again = keys(Planner.plan(SHUFFLED, 3, cpus("0-1"), true, 42));
        List<String> other = keys(Planner.plan(SHUFFLED, 3, cpus("0-1"), true, 43));

        assertThat(again).isEqualTo(first);
        // 15 trials per repetition have 15! orders; two seeds agreeing on all three
        // repetitions would mean the seed is ignored.
        assertThat(other).isNotEqualTo(first).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void aShuffledRepetitionHoldsEveryPointOnceAndRepetitionsStayTheOuterLoop() {
        List<Trial> trials = Planner.plan(SHUFFLED, 3, cpus("0-1"), true, 7);

        assertThat(trials).extracting(Trial::index).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
        for (int rep = 1; rep <= 3; rep++) {
            int r = rep;
            List<Trial> round = trials.subList((rep - 1) * 15, rep * 15);
            assertThat(round).allSatisfy(t -> assertThat(t.repetition()).isEqualTo(r));
            assertThat(round).extracting(t -> t.receiver().id() + "/" + t.senders())
                    .doesNotHaveDuplicates().hasSize(15);
        }
        // Shuffled: sender counts do not simply ascend within the first repetition.
        assertThat(trials.subList(0, 15)).extracting(Trial::senders)
                .isNotEqualTo(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5));
    }

    @Test
    void aRepetitionsOrderDependsOnTheSeedAndItsNumberOnly() {
        // Repetition 2 of a 2-repetition plan and of a 3-repetition plan run in the same
        // order, so that a run that stops repeating a point early (repetitions: auto) or is
        // resumed plans the same order for what is left.
        List<String> two = keys(Planner.plan(SHUFFLED, 2, cpus("0-1"), true, 99)).subList(15, 30);
        List<String> three = keys(Planner.plan(SHUFFLED, 3, cpus("0-1"), true, 99))
                .subList(15, 30);
        assertThat(two).isEqualTo(three);
    }

    @Test
    void repetitionSeedsAreWellMixedEvenForNeighbouringRepetitions() {
        // SplitMix64's finaliser: neighbouring inputs differ in about half of their 64 bits.
        long a = Planner.repetitionSeed(42, 1);
        long b = Planner.repetitionSeed(42, 2);
        assertThat(Long.bitCount(a ^ b)).isBetween(16, 48);
    }
}
