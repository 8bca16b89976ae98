package dev.netscale.run;

import dev.netscale.backend.Backend;
import dev.netscale.backend.TrialOutput;
import dev.netscale.measure.TrialAnalyzer;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trials of a plan one after the other on a backend, appending each trial's record
 * to the results folder as soon as it is known. Trials already recorded in the folder are
 * skipped, which is how an interrupted run resumes. A failed trial is recorded and the run
 * goes on.
 */
public final class Runner {
    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    /** Progress of a run, for whoever shows it. */
    public interface Listener {
        void planned(List<Trial> all, List<Trial> toRun);

        void trialDone(TrialRecord record, int done, int total, Duration eta);
    }

    private final Backend backend;
    private final Listener listener;

    public Runner(Backend backend, Listener listener) {
        this.backend = backend;
        this.listener = listener;
    }

    /** Runs every trial not yet in {@code folder}; returns the records of those it ran. */
    public List<TrialRecord> run(ExperimentSpec spec, List<Trial> trials, ResultsFolder folder) {
        Set<String> recorded = folder.recordedKeys();
        List<Trial> toRun = trials.stream().filter(t -> !recorded.contains(t.key())).toList();
        listener.planned(trials, toRun);
        TrialAnalyzer analyzer = new TrialAnalyzer(spec);
        List<TrialRecord> records = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < toRun.size(); i++) {
            Trial trial = toRun.get(i);
            Instant startedAt = Instant.now();
            log.debug("[{}] trial {} starts: {}", spec.name(), trial.index(), trial);
            TrialOutput out = backend.run(spec, trial, folder.logs(trial.index()));
            TrialRecord record = analyzer.analyze(trial, out, startedAt);
            folder.append(spec.hash(), record);
            records.add(record);
            if (!record.ok()) {
                log.warn("[{}] trial {} failed: {}", spec.name(), trial.index(),
                        record.failure());
            }
            long elapsed = System.nanoTime() - begin;
            Duration eta = Duration.ofNanos(elapsed / (i + 1) * (toRun.size() - i - 1));
            listener.trialDone(record, i + 1, toRun.size(), eta);
        }
        return records;
    }
}
