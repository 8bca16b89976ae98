package dev.netscale.plan;

import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a spec into the ordered list of trials for this host. Repetitions are the outer loop,
 * so that every point is measured once before any is measured again and slow drift of the host
 * spreads over all points instead of favouring the ones measured first.
 */
public final class Planner {
    private Planner() {
    }

    public static List<Trial> plan(ExperimentSpec spec, int repetitions, BitSet hostCpus) {
        List<Trial> trials = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            for (int senders : spec.senders().counts()) {
                for (ReceiverSpec r : spec.receivers()) {
                    BitSet[] cpus = cpuSets(r.cpus(), spec.senders().cpus(), hostCpus);
                    trials.add(new Trial(trials.size() + 1, rep, r, senders,
                            spec.message().perConnection(senders), cpus[0], cpus[1]));
                }
            }
        }
        return trials;
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
