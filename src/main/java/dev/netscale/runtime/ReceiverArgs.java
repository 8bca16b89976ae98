package dev.netscale.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every receiver takes, whatever runs it (docs/protocol.md, "Receiver").
 *
 * @param port 0 lets the receiver bind an ephemeral port and print it, which avoids a race
 *     with other programs for a port chosen in advance
 */
public record ReceiverArgs(int port, int connections, int messageBytes, String start, int warmup,
        boolean tcpNoDelay, Optional<String> fault) {

    public List<String> toList() {
        List<String> args = new ArrayList<>(List.of(
                "--port", Integer.toString(port),
                "--connections", Integer.toString(connections),
                "--size", Integer.toString(messageBytes),
                "--start", start,
                "--warmup", Integer.toString(warmup),
                "--nodelay", tcpNoDelay ? "1" : "0"));
        fault.ifPresent(f -> args.addAll(List.of("--inject-fault", f)));
        return args;
    }
}
