package dev.netscale.measure;

/** Receiver or sender output that does not follow docs/protocol.md. */
public class MalformedOutputException extends RuntimeException {
    public MalformedOutputException(String message) {
        super(message);
    }
}
