package dev.netscale.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One accepted connection and what its thread measured. Fields written by the connection's
 * thread are read by the main thread only after the done latch, which orders them.
 */
final class Connection {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    long id = -1;
    long threadId;
    boolean virtual;
    long messages;
    long activeMessages;
    long warmup;
    long firstNanos;
    long lastNanos;
    String error;

    Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    String record() {
        return "conn id=" + id + " thread=" + threadId + " thread-kind="
                + (virtual ? "virtual" : "os") + " messages=" + messages + " warmup=" + warmup
                + " first-ns=" + firstNanos + " last-ns=" + lastNanos + " active="
                + activeMessages;
    }
}
