package dev.netscale.run;

import dev.netscale.backend.Backend;
import dev.netscale.backend.Interruption;
import dev.netscale.backend.TrialOutput;
import dev.netscale.measure.TrialAnalyzer;
import dev.netscale.plan.ConvergenceRule;
import dev.netscale.plan.Trial;
import dev.netscale.results.PointKey;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.TrialsCsv;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.Convergence;
import dev.netscale.stats.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trials of a plan one after the other on a backend, appending each trial's record
 * to the results folder as soon as it is known. Trials already recorded in the folder are
 * skipped, which is how an interrupted run resumes. A failed trial is recorded and the run
 * goes on.
 *
 * <p>With a convergence rule ({@code repetitions: auto}) the plan holds the most repetitions a
 * point may get, and a trial is left out when its point already met the rule with the trials
 * of earlier repetitions. That decision reads only recorded trials, so a resumed run leaves
 * out the same trials. Trials are numbered in the order they run, without gaps.
 */
public final class Runner {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    /** Progress of a run, for whoever shows it. */
    public interface Listener {
        void planned(List<Trial> all, List<Trial> toRun);

        /**
         * @param total the trials of this run so far plus those still planned; with a
         *     convergence rule it shrinks as points converge
         */
        void trialDone(TrialRecord record, int done, int total, Duration eta);

        /** A point met the convergence rule; its later repetitions are left out. */
        default void converged(PointKey point, Sample throughput, int repetitions) {
        }
    }

    private final Backend backend;
    private final Listener listener;

    public Runner(Backend backend, Listener listener) {
        this.backend = backend;
        this.listener = listener;
    }

    /** Runs every trial not yet in {@code folder} under the spec's convergence rule, if any. */
    public List<TrialRecord> run(ExperimentSpec spec, List<Trial> trials, ResultsFolder folder) {
        return run(spec, trials, folder, spec.convergence());
    }

    /**
     * Runs every trial not yet in {@code folder}; returns the records of those it ran.
     *
     * @param rule when present, trials of points that met it are left out
     */
    public List<TrialRecord> run(ExperimentSpec spec, List<Trial> trials, ResultsFolder folder,
            Optional<Convergence> rule) {
        List<TrialRecord> earlier = TrialsCsv.read(folder.trials()).trials();
        Set<String> recorded = earlier.stream().map(TrialRecord::key)
                .collect(Collectors.toSet());
        List<Trial> toRun = trials.stream().filter(t -> !recorded.contains(t.key())).toList();
        listener.planned(trials, toRun);
        Points points = new Points(rule, earlier);
        int next = earlier.stream().mapToInt(TrialRecord::trial).max().orElse(0) + 1;

        TrialAnalyzer analyzer = new TrialAnalyzer(spec, folder.dir());
        List<TrialRecord> records = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < toRun.size(); i++) {
            Trial planned = toRun.get(i);
            if (points.leaveOut(planned, listener)) {
                continue;
            }
            Trial trial = planned.withIndex(next++);
            Instant startedAt = Instant.now();
            log.debug("[{}] trial {} starts: {}", spec.name(), trial.index(), trial);
            TrialOutput out = backend.run(spec, trial, folder.logs(trial.index()));
            if (Interruption.stopping()) {
                log.info("[{}] stopped during trial {}; it is left for run --resume",
                        spec.name(), trial.index());
                break;
            }
            TrialRecord record = analyzer.analyze(trial, out, startedAt);
            folder.append(spec.hash(), record);
            records.add(record);
            points.add(record);
            if (!record.ok()) {
                log.warn("[{}] trial {} failed: {}", spec.name(), trial.index(),
                        record.failure());
            }
            int done = records.size();
            int remaining = points.stillPlanned(toRun.subList(i + 1, toRun.size()));
            Duration eta = Duration.ofNanos((System.nanoTime() - begin) / done * remaining);
            listener.trialDone(record, done, done + remaining, eta);
            points.announceIfConverged(record.point(), listener);
        }
        return records;
    }

    /** The recorded trials of each point, and which points met the rule. */
    private static final class Points {
        private final Optional<Convergence> rule;
        private final Map<PointKey, List<TrialRecord>> trials = new HashMap<>();
        private final Set<PointKey> announced = new HashSet<>();

        Points(Optional<Convergence> rule, List<TrialRecord> earlier) {
            this.rule = rule;
            earlier.forEach(this::add);
        }

        void add(TrialRecord r) {
            trials.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
        }

        /**
         * Whether the trial's point met the rule with the trials of the repetitions before
         * the trial's, which every earlier repetition completed, in a fresh run as in a
         * resumed one.
         */
        boolean leaveOut(Trial t, Listener listener) {
            if (rule.isEmpty() || t.repetition() <= rule.get().min()) {
                return false;
            }
            PointKey point = new PointKey(t.receiver().id(), t.senders());
            List<TrialRecord> before = trials.getOrDefault(point, List.of()).stream()
                    .filter(r -> r.repetition() < t.repetition()).toList();
            Sample s = ConvergenceRule.throughput(before);
            if (!ConvergenceRule.converged(rule.get(), s)) {
                return false;
            }
            if (announced.add(point)) {
                listener.converged(point, s, before.size());
            }
            return true;
        }

        /**
         * Says so when a point has just met the rule, at the trial that made it, which is
         * when its later repetitions drop out of the count of trials still planned.
         */
        void announceIfConverged(PointKey point, Listener listener) {
            if (rule.isEmpty() || announced.contains(point)) {
                return;
            }
            List<TrialRecord> list = trials.getOrDefault(point, List.of());
            Sample s = ConvergenceRule.throughput(list);
            if (list.size() >= rule.get().min() && ConvergenceRule.converged(rule.get(), s)) {
                announced.add(point);
                listener.converged(point, s, list.size());
            }
        }

        /** How many of {@code later} are still expected to run, as far as is known now. */
        int stillPlanned(List<Trial> later) {
            if (rule.isEmpty()) {
                return later.size();
            }
            Set<PointKey> done = new HashSet<>();
            trials.forEach((point, list) -> {
                if (ConvergenceRule.converged(rule.get(), ConvergenceRule.throughput(list))) {
                    done.add(point);
                }
            });
            return (int) later.stream().filter(t -> t.repetition() <= rule.get().min()
                    || !done.contains(new PointKey(t.receiver().id(), t.senders()))).count();
        }
    }
}
