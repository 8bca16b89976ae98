package dev.netscale.report;

import dev.netscale.results.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "The run": what was measured and where, from the trials and {@code environment.json}. Only
 * facts that are recorded are shown; a missing one is left out rather than guessed.
 */
final class RunSection {

    /** Well-known environment.json entries, by their path of keys, and their labels. */
    private static final Map<String, String> FACTS = facts();

    private RunSection() {
    }

    private static Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("netscale.backend", "backend");
        f.put("recorded_at", "recorded at");
        f.put("host_cpus_online", "host CPUs online");
        f.put("host_cpus_allowed", "CPUs allowed to the runner");
        f.put("cpu_model", "CPU model");
        f.put("kernel", "kernel");
        f.put("load_average", "load average before the run");
        f.put("java.version", "java");
        f.put("java.vm", "java VM");
        f.put("gcc", "gcc");
        f.put("clang", "clang");
        f.put("wasmer", "wasmer");
        f.put("runtimes.docker.version", "docker");
        f.put("git_commit", "git commit");
        f.put("git_dirty", "uncommitted changes");
        return f;
    }

    static List<String> lines(List<TrialRecord> trials, Map<String, Object> environment) {
        List<String> out = new ArrayList<>();
        long ok = trials.stream().filter(TrialRecord::ok).count();
        out.add("- " + Format.plural(trials.size(), "trial") + " (" + ok + " succeeded, "
                + (trials.size() - ok) + " failed) of "
                + Format.plural(distinct(trials, TrialRecord::receiver).size(), "receiver")
                + " at sender counts " + distinct(trials, t -> t.senders()).stream()
                        .sorted().map(String::valueOf).collect(Collectors.joining(", "))
                + ", " + repetitions(trials) + " each.");
        List<String> started = trials.stream().map(TrialRecord::startedAt)
                .filter(s -> s != null && !s.isBlank()).sorted().toList();
        if (!started.isEmpty()) {
            String firstStart = started.get(0);
            String lastStart = started.get(started.size() - 1);
            out.add(firstStart.equals(lastStart) ? "- Trials started at " + firstStart + "."
                    : "- Trials started from " + firstStart + " to " + lastStart + ".");
        }
        if (!trials.isEmpty()) {
            out.add("- Messages of " + join(trials, t -> Format.count(t.messageBytes()))
                    + " bytes; start " + join(trials, TrialRecord::start) + "; TCP_NODELAY "
                    + join(trials, t -> t.tcpNoDelay() ? "on" : "off") + ".");
        }
        FACTS.forEach((path, label) -> {
            Object value = lookup(environment, path);
            if (value != null && !value.toString().isBlank()) {
                out.add("- " + label + ": " + (value instanceof Boolean b ? (b ? "yes" : "no")
                        : value));
            }
        });
        if (environment.isEmpty()) {
            out.add("- No environment.json was found, so the host is not described here.");
        }
        return out;
    }

    /** A value at a dotted path of nested maps, or null. */
    static Object lookup(Map<String, Object> map, String path) {
        Object current = map;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static <T> List<T> distinct(List<TrialRecord> trials,
            Function<TrialRecord, T> f) {
        return trials.stream().map(f).filter(Objects::nonNull).distinct().toList();
    }

    private static String join(List<TrialRecord> trials,
            Function<TrialRecord, String> f) {
        return String.join(" and ", distinct(trials, f));
    }

    /**
     * "5 repetitions" when every point has the same count, "up to 5 repetitions" when some
     * have fewer (a point that converged early, a run not yet finished).
     */
    private static String repetitions(List<TrialRecord> trials) {
        var perPoint = trials.stream().collect(Collectors.groupingBy(TrialRecord::point,
                Collectors.mapping(TrialRecord::repetition, Collectors.toSet())));
        int most = perPoint.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
        int fewest = perPoint.values().stream().mapToInt(java.util.Set::size).min().orElse(0);
        return (fewest == most ? "" : "up to ") + Format.plural(most, "repetition");
    }
}
