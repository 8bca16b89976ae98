package dev.netscale.backend;

import dev.netscale.plan.Trial;
import dev.netscale.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The sender processes of a trial: connections grouped {@code per-process} to a process (or
 * container), ids numbered from 0 across the trial.
 */
public record SenderArgs(int index, int firstId, int connections, List<String> args) {

    public static List<SenderArgs> of(ExperimentSpec spec, Trial trial, int port) {
        int per = spec.senders().perProcess();
        var msg = spec.message();
        List<SenderArgs> out = new ArrayList<>();
        for (int first = 0; first < trial.senders(); first += per) {
            int k = Math.min(per, trial.senders() - first);
            out.add(new SenderArgs(out.size(), first, k, List.of(
                    "--port", Integer.toString(port),
                    "--connections", Integer.toString(k),
                    "--first-id", Integer.toString(first),
                    "--messages", Long.toString(trial.messagesPerConnection()),
                    "--size", Integer.toString(msg.sizeBytes()),
                    "--start", spec.start().id(),
                    "--warmup", Integer.toString(trial.receiver().warmup(msg)),
                    "--nodelay", msg.tcpNoDelay() ? "1" : "0")));
        }
        return out;
    }
}
