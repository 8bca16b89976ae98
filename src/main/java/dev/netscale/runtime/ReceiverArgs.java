package dev.netscale.runtime;

import dev.netscale.plan.Trial;
import dev.netscale.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every receiver takes, whatever runs it (docs/protocol.md, "Receiver").
 *
 * @param port 0 lets the receiver bind an ephemeral port and print it, which avoids a race
 *     with other programs for a port chosen in advance
 * @param hold whether the receiver waits for a line {@code go} before it releases the measured
 *     phase, so that the runner can start measuring the receiver first; only for
 *     {@code start: together}, since a staggered start has nothing to hold
 */
public record ReceiverArgs(int port, int connections, int messageBytes, String start, int warmup,
        boolean tcpNoDelay, boolean hold, Optional<String> fault) {

    /**
     * The options of one trial's receiver: the port is chosen by the kernel, and a
     * together-started receiver holds its measured release until told to go.
     */
    public static ReceiverArgs of(ExperimentSpec spec, Trial trial) {
        var msg = spec.message();
        return new ReceiverArgs(0, trial.senders(), msg.sizeBytes(), spec.start().id(),
                trial.receiver().warmup(msg), msg.tcpNoDelay(), spec.start() == ExperimentSpec.Start.TOGETHER,
                trial.receiver().fault());
    }

    public List<String> toList() {
        List<String> args = new ArrayList<>(List.of(
                "--port", Integer.toString(port),
                "--connections", Integer.toString(connections),
                "--size", Integer.toString(messageBytes),
                "--start", start,
                "--warmup", Integer.toString(warmup),
                "--nodelay", tcpNoDelay ? "1" : "0",
                "--hold", hold ? "1" : "0"));
        fault.ifPresent(f -> args.addAll(List.of("--inject-fault", f)));
        return args;
    }
}
