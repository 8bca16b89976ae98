package dev.netscale.backend.docker;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The receiver container's standard input: nothing until {@link #send()}, then the line
 * {@code exit} and the end of input. The receiver exits on either (docs/protocol.md); the line
 * is what reaches it for sure, since docker-java cannot half-close an attach stream over a Unix
 * socket. {@link #close()} before {@code send()} ends the input without the line, for a trial
 * whose containers are being removed anyway: writing to an attach stream Docker already closed
 * would only fail on docker-java's writer thread.
 */
final class ExitLine extends InputStream {
    private static final byte[] LINE = "exit\n".getBytes(StandardCharsets.US_ASCII);

    private final CountDownLatch sent = new CountDownLatch(1);
    private volatile boolean abandoned;
    private int pos;

    void send() {
        sent.countDown();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        try {
            sent.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        if (pos == LINE.length || (abandoned && pos == 0)) {
            return -1;
        }
        int n = Math.min(len, LINE.length - pos);
        System.arraycopy(LINE, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        if (sent.getCount() > 0) {
            abandoned = true;
        }
        sent.countDown();
    }
}
