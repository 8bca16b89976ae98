package dev.netscale.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.backend.Backend;
import dev.netscale.backend.TrialOutput;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.TrialsCsv;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repetitions: auto} with a backend that answers every trial with fixed output, so that
 * which point converges is known in advance: native's trials all take 200 ms (no spread, so it
 * converges as soon as it has the minimum of 2), jvm's alternate between 200 and 400 ms (a
 * spread that 4 repetitions cannot narrow to 5%).
 */
class ConvergenceRunTest {
    private static final ExperimentSpec SPEC = new SpecLoader(CpuSet.parseList("0-1")).parse("""
            name: auto
            message: { total: 100 }
            senders: { counts: [1] }
            receivers: [ { runtime: native }, { runtime: jvm } ]
            repetitions: auto
            convergence: { target: 5%, min: 2, max: 4 }
            order: { seed: 11 }
            """, Path.of("auto.yaml"));

    @TempDir
    Path out;

    /** One connection of 100 messages over a window that depends on the receiver. */
    static final class FixedBackend implements Backend {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public void prepare(ExperimentSpec spec, List<Trial> trials) {
        }

        @Override
        public TrialOutput run(ExperimentSpec spec, Trial trial, Path logs) {
            long windowNs = trial.receiver().id().equals("native") || trial.repetition() % 2 == 1
                    ? 200_000_000L : 400_000_000L;
            List<String> receiver = List.of("ready port=1 pid=2 runtime=native",
                    "released ns=0",
                    "conn id=0 thread=11 thread-kind=os messages=100 warmup=0 first-ns=1000"
                            + " last-ns=" + (1000 + windowNs) + " active=100",
                    "done connections=1 messages=100");
            List<String> sender = List.of("connected connections=1 cpus=1",
                    "conn id=0 messages=100 start-ns=0 end-ns=" + (2000 + windowNs),
                    "rtt id=0 unit=ns 20000:100",
                    "sender-done connections=1 messages=100 cpu-user-us=5 cpu-sys-us=7");
            return new TrialOutput(receiver, 0, List.of(new TrialOutput.SenderOutput(0, sender,
                    0, "1")), Optional.empty(), "0", 1, 1, logs);
        }

        @Override
        public Map<String, Object> describe(ExperimentSpec spec) {
            return Map.of();
        }

        @Override
        public void close() {
        }
    }

    private static List<Trial> plan() {
        return Planner.plan(SPEC, SPEC.repetitions(), CpuSet.parseList("0-1"));
    }

    @Test
    void aPointStopsAtTheMinimumOnceItConvergesAndAnotherRunsToTheMaximum() {
        LocalRuns.Events events = new LocalRuns.Events();

        List<TrialRecord> records = new Runner(new FixedBackend(), events).run(SPEC, plan(),
                ResultsFolder.create(out, SPEC));

        assertThat(records).extracting(TrialRecord::key).containsExactlyInAnyOrder(
                "1/native/1", "2/native/1", "1/jvm/1", "2/jvm/1", "3/jvm/1", "4/jvm/1");
        // Numbered in the order run, without gaps for the trials left out.
        assertThat(records).extracting(TrialRecord::trial).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(events.lines).contains("converged native at 1 senders after 2");
        // Said right after the trial that made it converge, when the count of trials drops.
        int converged = events.lines.indexOf("converged native at 1 senders after 2");
        assertThat(events.lines.get(converged - 1)).contains(" 2/native/1 ");
        // The last trial's total is the 6 that ran, not the 8 planned.
        assertThat(events.lines).last().asString().startsWith("6/6 ");
    }

    @Test
    void aResumedAutoRunLeavesOutTheSameTrialsAsAnUninterruptedOne() {
        List<Trial> plan = plan();
        ResultsFolder folder = ResultsFolder.create(out, SPEC);
        new Runner(new FixedBackend(), new LocalRuns.Events()).run(SPEC, plan.subList(0, 3),
                folder, SPEC.convergence());

        LocalRuns.Events resumed = new LocalRuns.Events();
        new Runner(new FixedBackend(), resumed).run(SPEC, plan, ResultsFolder.open(folder.dir()),
                SPEC.convergence());

        assertThat(resumed.lines).first().isEqualTo("planned 5 of 8");
        List<TrialRecord> all = TrialsCsv.read(folder.trials()).trials();
        assertThat(all).extracting(TrialRecord::key).containsExactlyInAnyOrder(
                "1/native/1", "2/native/1", "1/jvm/1", "2/jvm/1", "3/jvm/1", "4/jvm/1");
        assertThat(all).extracting(TrialRecord::trial).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void withoutARuleEveryPlannedTrialRuns() {
        List<TrialRecord> records = new Runner(new FixedBackend(), new LocalRuns.Events())
                .run(SPEC, plan(), ResultsFolder.create(out, SPEC), Optional.empty());
        assertThat(records).hasSize(8);
    }
}
