package dev.netscale.backend.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Splits a container's multiplexed output (attach or logs) into its standard output, offered as
 * an {@link InputStream} for a {@link dev.netscale.backend.LineCollector} to read live, and its
 * standard error, written to a file as it comes. Docker keeps the two apart only for containers
 * without a terminal, which is how netscale creates them.
 */
final class FrameStreams extends ResultCallback.Adapter<Frame> {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> stdout = new LinkedBlockingQueue<>();
    private final OutputStream stderr;

    FrameStreams(Path stderrFile) {
        try {
            stderr = Files.newOutputStream(stderrFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stderrFile, e);
        }
    }

    @Override
    public void onNext(Frame frame) {
        if (frame.getStreamType() == StreamType.STDERR) {
            try {
                stderr.write(frame.getPayload());
                stderr.flush();
            } catch (IOException e) {
                // The trial's folder went away: nothing else to do with the bytes.
            }
        } else if (frame.getStreamType() == StreamType.STDOUT
                || frame.getStreamType() == StreamType.RAW) {
            stdout.add(frame.getPayload());
        }
    }

    /** The stream broke off, as when the container is removed: what was read is kept. */
    @Override
    public void onError(Throwable throwable) {
        end();
        try {
            close();
        } catch (IOException e) {
            // Closing a stream that already broke.
        }
    }

    @Override
    public void onComplete() {
        end();
        super.onComplete();
    }

    private void end() {
        stdout.add(END);
        try {
            stderr.close();
        } catch (IOException e) {
            // Nothing more will be written.
        }
    }

    /** The container's standard output; it ends when the stream from Docker ends. */
    InputStream stdout() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (pos == chunk.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        chunk = stdout.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    pos = 0;
                    if (chunk == END) {
                        ended = true;
                        stdout.add(END);
                    }
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
