package dev.netscale.resources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads small kernel files ({@code /proc}, {@code /sys/fs/cgroup}) whole. Their size is
 * reported as 0, so they are read to the end of file rather than by their length.
 */
final class ProcFiles {

    private ProcFiles() {
    }

    /** The file's text, or empty when it does not exist (any more): a task that exited. */
    static Optional<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
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
