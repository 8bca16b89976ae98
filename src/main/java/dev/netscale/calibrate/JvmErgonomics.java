package dev.netscale.calibrate;

import dev.netscale.backend.ProcessTracker;
import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JVM decides for itself on a receiver's CPU set. HotSpot sizes its JIT compiler
 * threads and picks its garbage collector from the CPUs it may use: with fewer than two CPUs
 * (or under 1792 MB of memory) it is not a "server-class machine" and takes the Serial
 * collector instead of G1, and CICompilerCount shrinks with the CPU count. A JVM receiver
 * pinned to one CPU therefore runs a different JVM than one pinned to twenty, which a figure
 * must say. Source: JDK 21 HotSpot, {@code os::is_server_class_machine} and
 * {@code GCConfig::select_gc_ergonomically}; the values are read back with
 * {@code -XX:+PrintFlagsFinal} rather than predicted.
 */
public final class JvmErgonomics {
    /** The flags recorded: CPU count the JVM used, compilers, collectors and their threads. */
    static final List<String> FLAGS = List.of("ActiveProcessorCount", "CICompilerCount",
            "TieredCompilation", "UseSerialGC", "UseG1GC", "UseParallelGC", "UseZGC",
            "UseShenandoahGC", "ParallelGCThreads", "ConcGCThreads", "MaxHeapSize",
            "UseCompressedOops");
    private static final Pattern FLAG = Pattern.compile(
            "^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)\\s+\\{[^}]*\\}\\s*\\{?([^}\\s]*)\\}?");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private JvmErgonomics() {
    }

    /**
     * Runs {@code taskset -c CPUS java OPTIONS -XX:+PrintFlagsFinal -version} and returns the
     * recorded flags with how each was set (default, ergonomic, command line), the collector in
     * use, or an {@code error} entry when the JVM could not be asked.
     */
    public static Map<String, Object> probe(Path java, BitSet cpus, List<String> options) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpus", CpuSet.format(cpus));
        out.put("options", options);
        try (ProcessTracker processes = new ProcessTracker()) {
            Commands.Output o = Commands.run(processes, Commands.pinned(cpus, command), TIMEOUT);
            if (o.status() != 0) {
                out.put("error", "java exited with status " + o.status()
                        + (o.timedOut() ? " (timed out)" : ""));
                return out;
            }
            out.putAll(parse(o.text()));
        } catch (IOException e) {
            out.put("error", "cannot run " + java + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * The recorded flags of a {@code -XX:+PrintFlagsFinal} listing, such as {@code
     * "CICompilerCount": "2 (ergonomic)"}, and {@code gc}: the collector whose Use flag is true.
     */
    static Map<String, Object> parse(String flagsFinal) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String line : flagsFinal.split("\n")) {
            Matcher m = FLAG.matcher(line);
            if (m.find() && FLAGS.contains(m.group(1))) {
                values.put(m.group(1), m.group(2));
                origins.put(m.group(1), m.group(3));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        String gc = List.of("Serial", "G1", "Parallel", "Z", "Shenandoah").stream()
                .filter(g -> "true".equals(values.get("Use" + g + "GC"))).findFirst()
                .map(g -> g + "GC").orElse("unknown");
        out.put("gc", gc);
        FLAGS.stream().filter(values::containsKey).forEach(f -> out.put(f, values.get(f)
                + (origins.get(f).isEmpty() ? "" : " (" + origins.get(f) + ")")));
        return out;
    }
}
