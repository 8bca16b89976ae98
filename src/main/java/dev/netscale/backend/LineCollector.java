package dev.netscale.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads a program's output line by line on its own thread, copies it to a log file, and lets
 * the runner wait for a given line with a deadline, so that the runner reacts to the program
 * (its ready line, its done line) instead of sleeping.
 */
public final class LineCollector {
    private static final String EOF = "\u0000eof";

    private final List<String> lines = new ArrayList<>();
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    public LineCollector(InputStream in, Path log, String name) {
        thread = Thread.ofPlatform().daemon().name(name).start(() -> pump(in, log));
    }

    private void pump(InputStream in, Path log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8)); Writer w = Files.newBufferedWriter(log)) {
            String line;
            while ((line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                w.flush();
                synchronized (lines) {
                    lines.add(line);
                }
                queue.add(line);
            }
        } catch (IOException e) {
            // The stream closes when the process is ended; what was read is kept.
        } finally {
            queue.add(EOF);
        }
    }

    /**
     * Waits for a line starting with {@code word}, until the deadline or end of output.
     * {@code abort} is checked between lines and ends the wait early with its reason.
     *
     * @throws TrialFailure with a reason naming what was awaited
     */
    public String await(String word, long deadlineNanos, String what,
            Supplier<String> abort) throws InterruptedException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new TrialFailure("timed out waiting for " + what);
            }
            String line = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)),
                    TimeUnit.NANOSECONDS);
            if (line == null) {
                String reason = abort.get();
                if (reason != null) {
                    throw new TrialFailure(reason + " while waiting for " + what);
                }
            } else if (line.equals(EOF)) {
                queue.add(EOF);
                throw new TrialFailure("output ended while waiting for " + what);
            } else if (line.equals(word) || line.startsWith(word + " ")) {
                return line;
            }
        }
    }

    /** Every line read so far, after the reading thread ended or after {@code waitMillis}. */
    public List<String> lines(long waitMillis) {
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
