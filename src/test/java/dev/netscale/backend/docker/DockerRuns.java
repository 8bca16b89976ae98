package dev.netscale.backend.docker;

import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.run.Runner;
import dev.netscale.runtime.Artifacts;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs specs on the docker backend from the project folder, for integration tests. These need
 * a Docker daemon and the base image (`make docker-daemon docker-base`); without them the
 * tests fail with prepare()'s message, never skip.
 */
final class DockerRuns {
    static final Artifacts ARTIFACTS = new Artifacts(Path.of("."));

    private DockerRuns() {
    }

    static ExperimentSpec spec(String yaml) {
        return new SpecLoader(Host.allowedCpus()).parse(yaml, Path.of("test.yaml"));
    }

    static ExperimentSpec load(String file) {
        return new SpecLoader(Host.allowedCpus()).load(Path.of(file));
    }

    /** What a run left behind, for the checks after it. */
    record Result(List<TrialRecord> records, Path folder, String runId) {
    }

    /** Runs every trial of the spec on a fresh backend, with a hook after each release. */
    static Result run(ExperimentSpec spec, Path out, Consumer<DockerBackend> setUp) {
        List<Trial> trials = Planner.plan(spec, spec.repetitions(), Host.allowedCpus());
        DockerBackend backend = new DockerBackend(ARTIFACTS);
        List<TrialRecord> records;
        ResultsFolder folder;
        try (backend) {
            setUp.accept(backend);
            backend.prepare(spec, trials);
            folder = ResultsFolder.create(out, spec);
            records = new Runner(backend, new Quiet()).run(spec, trials, folder);
        }
        return new Result(records, folder.dir(), backend.containers().runId());
    }

    /** The containers of a run that Docker still lists, stopped ones included. */
    static List<String> leftBehind(String runId) {
        try (var docker = DockerConnection.open()) {
            return docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(java.util.Map.of(ContainerTracker.RUN, runId)).exec()
                    .stream().map(c -> c.getNames()[0]).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final class Quiet implements Runner.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void planned(List<Trial> all, List<Trial> toRun) {
            lines.add("planned " + toRun.size() + " of " + all.size());
        }

        @Override
        public void trialDone(TrialRecord record, int done, int total, Duration eta) {
            lines.add(done + "/" + total + " " + record.key() + " " + record.status());
        }
    }
}
