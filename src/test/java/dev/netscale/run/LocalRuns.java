package dev.netscale.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.backend.LocalBackend;
import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.PointKey;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import dev.netscale.stats.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs specs on the local backend from the project folder, for integration tests. */
final class LocalRuns {
    static final Artifacts ARTIFACTS = new Artifacts(Path.of("."));

    private LocalRuns() {
    }

    static ExperimentSpec spec(String yaml) {
        return new SpecLoader(Host.allowedCpus()).parse(yaml, Path.of("test.yaml"));
    }

    static LocalBackend backend() {
        return new LocalBackend(ARTIFACTS, new Launchers(ARTIFACTS));
    }

    /** Collects progress events, so tests can check what a user would have seen. */
    static final class Events implements Runner.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void planned(List<Trial> all, List<Trial> toRun) {
            lines.add("planned " + toRun.size() + " of " + all.size());
        }

        @Override
        public void trialDone(TrialRecord record, int done, int total, Duration eta) {
            lines.add(done + "/" + total + " " + record.key() + " " + record.status());
        }

        @Override
        public void converged(PointKey point, Sample throughput, int repetitions) {
            lines.add("converged " + point.receiver() + " at " + point.senders() + " senders"
                    + " after " + repetitions);
        }
    }

    /** The one trial of the given receiver among {@code records}. */
    static TrialRecord trial(List<TrialRecord> records, String receiver) {
        List<TrialRecord> found = records.stream().filter(r -> r.receiver().equals(receiver))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " trials of " + receiver + " in " + records);
        }
        return found.get(0);
    }

    /**
     * A trial's logs folder: trials.csv records it relative to the run folder, which is the
     * one folder under {@code out/NAME/}.
     */
    static Path logs(Path out, ExperimentSpec spec, TrialRecord r) {
        Path logs = Path.of(r.logs());
        assertThat(logs).as("logs recorded relative to the run folder").isRelative();
        try (var runs = Files.list(out.resolve(spec.name()))) {
            List<Path> found = runs.toList();
            assertThat(found).as("run folders").hasSize(1);
            return found.get(0).resolve(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TrialRecord> run(ExperimentSpec spec, Path out, Events events) {
        List<Trial> trials = Planner.plan(spec, spec.repetitions(), Host.allowedCpus());
        try (LocalBackend backend = backend()) {
            backend.prepare(spec, trials);
            ResultsFolder folder = ResultsFolder.create(out, spec);
            return new Runner(backend, events).run(spec, trials, folder);
        }
    }
}
