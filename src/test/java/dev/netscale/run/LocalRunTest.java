package dev.netscale.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.backend.LocalBackend;
import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.results.ResultsFolder;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.TrialsCsv;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real trials of the native and JVM receivers with the native sender, over loopback. */
class LocalRunTest {
    @TempDir
    Path out;

    @Test
    void quickSpecRunsEveryRuntimeToCorrectCounts() throws IOException {
        ExperimentSpec spec = new SpecLoader(Host.allowedCpus())
                .load(Path.of("experiments/quick.yaml"));
        LocalRuns.Events events = new LocalRuns.Events();

        List<TrialRecord> records = LocalRuns.run(spec, out, events);

        assertThat(records).hasSize(12).allSatisfy(r -> {
            assertThat(r.ok()).as(r.key() + " " + r.failure()).isTrue();
            long perSender = 2000 / r.senders();
            assertThat(r.messages()).isEqualTo(perSender * r.senders());
            assertThat(r.receiverThreads()).as("distinct receiver threads").isEqualTo(r.senders());
            assertThat(r.throughput()).isPositive();
            assertThat(r.effectiveConcurrency()).isBetween(0.0, r.senders() + 1e-9);
            assertThat(r.receiverCpusActual()).isEqualTo(r.receiverCpus());
            assertThat(r.senderCpusActual()).isEqualTo(r.senderCpus());
        });
        assertThat(records).extracting(TrialRecord::receiver).containsOnly("native", "jvm",
                "jvm-virtual", "wasmer");
        assertThat(events.lines).first().isEqualTo("planned 12 of 12");
        assertThat(ProcessHandle.current().children().count()).as("child processes left").isZero();

        Path run = single(out.resolve("quick"));
        assertThat(run.resolve("spec.yaml")).hasSameTextualContentAs(
                Path.of("experiments/quick.yaml"));
        assertThat(TrialsCsv.read(run.resolve("trials.csv")).trials()).hasSize(12);
        for (TrialRecord r : records) {
            String receiverOut = Files.readString(run.resolve(r.logs()).resolve("receiver.out"));
            String kind = r.runtime().equals("jvm-virtual") ? "virtual" : "os";
            assertThat(receiverOut.lines().filter(l -> l.startsWith("conn "))).as(r.key())
                    .hasSize(r.senders())
                    .allSatisfy(l -> assertThat(l).contains("thread-kind=" + kind));
        }
    }

    @Test
    void aRunInterruptedAfterSomeTrialsKeepsThemAndResumesTheRest() {
        ExperimentSpec spec = LocalRuns.spec("""
                name: resume
                message: { total: 400 }
                senders: { counts: [1, 2] }
                receivers: [ { runtime: native } ]
                repetitions: 2
                """);
        List<Trial> plan = Planner.plan(spec, 2, Host.allowedCpus());
        ResultsFolder folder = ResultsFolder.create(out, spec);
        try (LocalBackend backend = LocalRuns.backend()) {
            // The first run stops after two trials, as if interrupted.
            new Runner(backend, new LocalRuns.Events()).run(spec, plan.subList(0, 2), folder);
            LocalRuns.Events resumed = new LocalRuns.Events();
            List<TrialRecord> rest = new Runner(backend, resumed).run(spec, plan,
                    ResultsFolder.open(folder.dir()));
            assertThat(resumed.lines).first().isEqualTo("planned 2 of 4");
            assertThat(rest).extracting(TrialRecord::key).containsExactlyInAnyOrderElementsOf(
                    plan.subList(2, 4).stream().map(Trial::key).toList());
        }
        assertThat(TrialsCsv.read(folder.trials()).trials()).extracting(TrialRecord::key)
                .containsExactlyInAnyOrder("1/native/1", "1/native/2", "2/native/1",
                        "2/native/2");
    }

    @Test
    void aReceiverWithItsOwnWarmupGetsItFromEverySenderAndTheOthersDoNot() throws IOException {
        ExperimentSpec spec = LocalRuns.spec("""
                name: warm
                message: { total: 200, warmup: 0 }
                senders: { counts: [2] }
                receivers: [ { runtime: native }, { runtime: jvm, warmup: 7 } ]
                repetitions: 1
                """);

        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());

        for (String receiver : List.of("native", "jvm")) {
            TrialRecord r = LocalRuns.trial(records, receiver);
            assertThat(r.ok()).as(r.failure()).isTrue();
            assertThat(r.messages()).isEqualTo(200);
            String warmup = "warmup=" + (receiver.equals("jvm") ? 7 : 0) + " ";
            assertThat(Files.readString(LocalRuns.logs(out, spec, r).resolve("receiver.out"))
                    .lines().filter(l -> l.startsWith("conn "))).as(receiver).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains(warmup));
        }
    }

    private static Path single(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findFirst().orElseThrow();
        }
    }
}
