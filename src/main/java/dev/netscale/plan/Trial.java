package dev.netscale.plan;

import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.BitSet;

/**
 * One trial of a plan: one receiver, one sender count, one repetition, with the CPU sets
 * resolved for this host.
 *
 * @param index position in the plan, from 1
 * @param messagesPerConnection measured messages each sender connection sends
 */
public record Trial(int index, int repetition, ReceiverSpec receiver, int senders,
        long messagesPerConnection, BitSet receiverCpus, BitSet senderCpus) {

    public long messages() {
        return messagesPerConnection * senders;
    }

    /** The same trial at another position, for a run that skips or resumes trials. */
    public Trial withIndex(int newIndex) {
        return new Trial(newIndex, repetition, receiver, senders, messagesPerConnection,
                receiverCpus, senderCpus);
    }

    /** Identity of a trial within a run, as {@code TrialRecord.key()} reads it back. */
    public String key() {
        return repetition + "/" + receiver.id() + "/" + senders;
    }

    @Override
    public String toString() {
        return receiver.id() + " senders=" + senders + " rep=" + repetition + " (receiver CPUs "
                + CpuSet.format(receiverCpus) + ", sender CPUs " + CpuSet.format(senderCpus) + ")";
    }
}
