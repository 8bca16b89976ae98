package dev.netscale.resources;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads small kernel files ({@code /proc}, {@code /sys/fs/cgroup}) whole. Their size is
 * reported as 0, so they are read to the end of file rather than by their length. The
 * receiver's threads are read every few milliseconds during a trial, on the same host, so a
 * read reuses one buffer per thread and costs about half of what {@code Files.readString}
 * does.
 */
final class ProcFiles {
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(
            () -> new byte[16 * 1024]);

    private ProcFiles() {
    }

    /** The file's text, or empty when it does not exist (any more): a task that exited. */
    static Optional<String> read(Path file) {
        byte[] buf = BUFFER.get();
        int length = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int n;
            while ((n = in.read(buf, length, buf.length - length)) > 0) {
                length += n;
                if (length == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    BUFFER.set(buf);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new String(buf, 0, length, StandardCharsets.US_ASCII));
    }

    /** The value after {@code key} on the line that starts with it, such as "Name:\tjava". */
    static Optional<String> field(String text, String key) {
        int at = text.startsWith(key) ? 0 : text.indexOf("\n" + key);
        if (at < 0) {
            return Optional.empty();
        }
        int start = at == 0 ? key.length() : at + 1 + key.length();
        int end = text.indexOf('\n', start);
        return Optional.of(text.substring(start, end < 0 ? text.length() : end).strip());
    }

    /** A number field as {@link #field} finds it; -1 when it is missing or not a number. */
    static long number(String text, String key) {
        try {
            return field(text, key).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
