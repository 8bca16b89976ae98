package dev.netscale.plan;

import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a spec into the ordered list of trials for this host. Repetitions are the outer loop,
 * so that every point is measured once before any is measured again and slow drift of the host
 * spreads over all points instead of favouring the ones measured first. Within a repetition the
 * trials of every receiver and sender count are shuffled (unless the spec says {@code order:
 * { shuffle: false }}), so that no receiver always runs right after another, or always first
 * on a cold host: a systematic order turns drift and warm-up into a difference between
 * receivers. The same seed gives the same order on any JDK: {@link Random} and
 * {@link Collections#shuffle(List, Random)} are specified to the bit.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * Plans in the spec's order with its seed, or seed 0 when the spec names none. A run
     * draws and records a seed instead; see {@link #plan(ExperimentSpec, int, BitSet, boolean,
     * long)}.
     */
    public static List<Trial> plan(ExperimentSpec spec, int repetitions, BitSet hostCpus) {
        return plan(spec, repetitions, hostCpus, spec.order().shuffle(),
                spec.order().seed().orElse(0L));
    }

    /**
     * Every trial of {@code repetitions} repetitions, numbered from 1 in the order they run.
     *
     * @param shuffle whether each repetition's trials are shuffled; otherwise sender counts
     *     ascend and receivers follow the spec's order within each
     * @param seed the shuffle's seed; repetition r is shuffled with a generator seeded from
     *     {@code seed} and r alone, so a repetition's order does not depend on how many trials
     *     came before it
     */
    public static List<Trial> plan(ExperimentSpec spec, int repetitions, BitSet hostCpus,
            boolean shuffle, long seed) {
        List<Trial> trials = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            List<Trial> round = new ArrayList<>();
            for (int senders : spec.senders().counts()) {
                for (ReceiverSpec r : spec.receivers()) {
                    BitSet[] cpus = cpuSets(r.cpus(), spec.senders().cpus(), hostCpus);
                    round.add(new Trial(0, rep, r, senders,
                            spec.message().perConnection(senders), cpus[0], cpus[1]));
                }
            }
            if (shuffle) {
                Collections.shuffle(round, new Random(repetitionSeed(seed, rep)));
            }
            round.forEach(t -> trials.add(t.withIndex(trials.size() + 1)));
        }
        return trials;
    }

    /**
     * A well-mixed seed for one repetition: SplitMix64's finaliser over the run's seed and the
     * repetition number. Seeding {@link Random} with {@code seed + rep} directly would give
     * neighbouring repetitions nearly the same first draws, since Random only XORs its seed
     * with a constant. Source: Steele, Lea and Flood, "Fast splittable pseudorandom number
     * generators", OOPSLA 2014 (the mix64 function; also {@link java.util.SplittableRandom}).
     */
    static long repetitionSeed(long seed, int repetition) {
        long z = seed + repetition * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Resolves {@code auto} CPU sets: both auto splits the host's CPUs, the first half to the
     * receiver (on the reference's 40-thread host: 0-19 and 20-39); one auto takes the CPUs the
     * other leaves. With a single CPU both share it, which {@link #overlaps} reports.
     *
     * @return {receiver CPUs, sender CPUs}
     */
    public static BitSet[] cpuSets(CpuSet receiver, CpuSet senders, BitSet host) {
        List<Integer> cpus = host.stream().boxed().toList();
        BitSet r;
        BitSet s;
        if (receiver.isAuto() && senders.isAuto()) {
            r = new BitSet();
            s = new BitSet();
            int half = Math.max(1, (cpus.size() + 1) / 2);
            for (int i = 0; i < cpus.size(); i++) {
                (i < half ? r : s).set(cpus.get(i));
            }
            if (s.isEmpty()) {
                s.or(r);
            }
        } else if (receiver.isAuto()) {
            s = senders.cpus().orElseThrow();
            r = rest(host, s);
        } else if (senders.isAuto()) {
            r = receiver.cpus().orElseThrow();
            s = rest(host, r);
        } else {
            r = receiver.cpus().orElseThrow();
            s = senders.cpus().orElseThrow();
        }
        return new BitSet[] {(BitSet) r.clone(), (BitSet) s.clone()};
    }

    private static BitSet rest(BitSet host, BitSet taken) {
        BitSet rest = (BitSet) host.clone();
        rest.andNot(taken);
        return rest.isEmpty() ? (BitSet) host.clone() : rest;
    }

    public static boolean overlaps(Trial t) {
        return t.receiverCpus().intersects(t.senderCpus());
    }
}
