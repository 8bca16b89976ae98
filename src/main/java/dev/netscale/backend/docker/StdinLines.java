package dev.netscale.backend.docker;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The receiver container's standard input: the lines given to {@link #send(String)}, such as
 * {@code go} and {@code exit} (docs/protocol.md), each as soon as it is sent, and the end of
 * input after {@link #close()}. The {@code exit} line is what reaches the receiver for sure,
 * since docker-java cannot half-close an attach stream over a Unix socket. Closing without
 * sending ends the input quietly, for a trial whose containers are being removed anyway:
 * writing to an attach stream Docker already closed would only fail on docker-java's writer
 * thread.
 */
final class StdinLines extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> pending = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** Queues one line; a newline is added. */
    void send(String line) {
        pending.add((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Blocks until a line is sent or the input is closed; docker-java reads on one thread. */
    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = pending.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            pos = 0;
            if (current == END) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        pending.add(END);
    }
}
