package dev.netscale.measure;

import dev.netscale.backend.Backend;
import dev.netscale.backend.SyscallProfiling;
import dev.netscale.backend.TrialOutput;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.resources.SyscallCounts;
import dev.netscale.results.SyscallProfile;
import dev.netscale.results.SyscallsCsv;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The opt-in deeper look: for each receiver of a spec, one extra trial at one sender count
 * with {@code strace -c -f} attached to the receiver, counted into {@code syscalls.csv}.
 * Tracing slows every system call down, so these trials are for counts only: they are
 * checked like any trial (every message and ack must add up) but never written to {@code
 * trials.csv}. Receivers already in {@code syscalls.csv} are skipped, so that a resumed run
 * does not trace them again.
 */
public final class SyscallProfiler {

    /** The default sender count: the largest of the spec's counts up to this. */
    public static final int DEFAULT_MAX_SENDERS = 4;

    private final Backend backend;
    private final Consumer<SyscallProfile> listener;

    public SyscallProfiler(Backend backend, Consumer<SyscallProfile> listener) {
        this.backend = backend;
        this.listener = listener;
    }

    /**
     * The sender count to profile: {@code requested} when given, otherwise the largest of
     * {@code counts} up to {@value #DEFAULT_MAX_SENDERS}, or the smallest when all are larger.
     */
    public static int senders(List<Integer> counts, OptionalInt requested) {
        if (requested.isPresent()) {
            return requested.getAsInt();
        }
        return counts.stream().filter(c -> c <= DEFAULT_MAX_SENDERS).max(Integer::compare)
                .orElseGet(() -> counts.stream().min(Integer::compare).orElse(1));
    }

    /**
     * Profiles every receiver of {@code spec} not yet in {@code resultsDir}'s syscalls.csv at
     * {@code senders} senders, appending each profile as soon as it is known.
     *
     * @return the profiles run now
     */
    public List<SyscallProfile> run(ExperimentSpec spec, int senders, BitSet hostCpus,
            Path resultsDir) {
        Path csv = resultsDir.resolve(SyscallsCsv.FILE);
        Set<String> done = SyscallsCsv.read(csv).stream().map(SyscallProfile::receiver)
                .collect(Collectors.toSet());
        List<SyscallProfile> out = new ArrayList<>();
        for (ReceiverSpec r : spec.receivers()) {
            if (done.contains(r.id())) {
                continue;
            }
            BitSet[] cpus = Planner.cpuSets(r.cpus(), spec.senders().cpus(), hostCpus);
            Trial trial = new Trial(0, 0, r, senders, spec.message().perConnection(senders),
                    cpus[0], cpus[1]);
            Path logs = resultsDir.resolve("logs").resolve("profile-" + r.id());
            SyscallProfile p = profile(spec, trial, logs, resultsDir);
            SyscallsCsv.append(csv, spec.hash(), p);
            listener.accept(p);
            out.add(p);
        }
        return out;
    }

    private SyscallProfile profile(ExperimentSpec spec, Trial trial, Path logs,
            Path resultsDir) {
        String logsCell = TrialAnalyzer.logsPath(logs, resultsDir);
        ReceiverSpec r = trial.receiver();
        String compiler = r.compiler().orElse("");
        if (!(backend instanceof SyscallProfiling tracing)) {
            return failed(trial, compiler, "the " + backend.id() + " backend cannot trace"
                    + " system calls; profile with the local backend", logsCell);
        }
        if (!onPath("strace")) {
            return failed(trial, compiler, "strace not found; install it (apt-get install"
                    + " strace, as root, or make setup)", logsCell);
        }
        TrialOutput out = tracing.runTraced(spec, trial, logs);
        TrialRecord checked = new TrialAnalyzer(spec).analyze(trial, out, Instant.now());
        if (!checked.ok()) {
            return failed(trial, compiler, checked.failure(), logsCell);
        }
        if (out.syscalls().isEmpty()) {
            return failed(trial, compiler, "the backend returned no system call counts",
                    logsCell);
        }
        SyscallCounts counts = out.syscalls().get();
        long messages = ReceiverReport.parse(out.receiverLines()).connections().stream()
                .mapToLong(c -> c.messages() + c.warmup()).sum();
        return new SyscallProfile(r.id(), r.runtime().id(), compiler, trial.senders(),
                counts.method(), messages, "", logsCell, counts.syscalls());
    }

    private static SyscallProfile failed(Trial trial, String compiler, String reason,
            String logs) {
        return new SyscallProfile(trial.receiver().id(), trial.receiver().runtime().id(),
                compiler, trial.senders(), SyscallCounts.ATTACH, 0, reason, logs,
                List.of());
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
