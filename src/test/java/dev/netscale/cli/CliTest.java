package dev.netscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit status, and what stdout and stderr say. */
class CliTest {
    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Result netscale(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Netscale.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** The one run folder a single run wrote under {@code specDir} (OUT/SPEC-NAME). */
    static Path runFolder(Path specDir) throws java.io.IOException {
        try (var s = Files.list(specDir)) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void validatePrintsEveryProblemOfABadSpecAndExitsWithTwo() {
        Result r = netscale("validate", "src/test/resources/specs/many-problems.yaml");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("many-problems.yaml:9: receivers[0].runtime: unknown"
                + " runtime 'nope'")
                .contains("many-problems.yaml:13: timeouts.setup: 'soon' is not a positive"
                        + " duration")
                .contains("many-problems.yaml: 7 problems");
    }

    @Test
    void validateAcceptsTheShippedQuickSpec() {
        Result r = netscale("validate", "experiments/quick.yaml");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("experiments/quick.yaml: ok (");
    }

    @Test
    void dryRunPrintsThePlanAndAnEstimateWithoutRunning() {
        Result r = netscale("run", "experiments/quick.yaml", "--dry-run", "--out",
                tmp.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("# 12 trials: 3 sender counts x 4 receivers x 1 repetitions")
                .contains("# estimated time:");
        assertThat(r.out().indexOf("# estimated time:")).as("the estimate before the plan")
                .isLessThan(r.out().indexOf("# the plan, in the order"));
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void runNeedsEitherASpecOrAFolderToResume() {
        Result r = netscale("run");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("give either SPEC or --resume DIR");
    }

    @Test
    void reportRefusesAFolderThatIsNotAResultsFolder() {
        Result r = netscale("report", tmp.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is not a netscale results folder: it has no spec.yaml");
    }

    @Test
    void runWritesAResultsFolderThatReportRedrawsFromTheCsvAlone() throws Exception {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: tiny
                message: { total: 200 }
                senders: { counts: [1, 2] }
                receivers: [ { runtime: native }, { runtime: jvm } ]
                repetitions: 2
                baseline: native
                calibration: 1s
                """);
        Result run = netscale("run", spec.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("[  8/8] ").contains("# files:")
                .contains("# warning: short-window in ");
        Path dir = runFolder(tmp.resolve("out/tiny"));
        for (String f : new String[] {"spec.yaml", "environment.json", "trials.csv",
            "summary.csv", "report.md", "charts/throughput.png", "charts/throughput.svg",
            "charts/scaling.png", "charts/scaling.svg", "charts/baseline.png",
            "charts/baseline.svg"}) {
            assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
        }
        Files.delete(dir.resolve("summary.csv"));
        Files.delete(dir.resolve("report.md"));
        Result report = netscale("report", dir.toString());
        assertThat(report.status()).isZero();
        assertThat(dir.resolve("summary.csv")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("# tiny");
    }

    @Test
    void resumeReplansTheRecordedShuffledOrderAndRunsOnlyTheMissingTrials() throws Exception {
        Path spec = tmp.resolve("shuffled.yaml");
        Files.writeString(spec, """
                name: shuffled
                message: { total: 200 }
                senders: { counts: [1, 2] }
                receivers: [ { id: a, runtime: native }, { id: b, runtime: native } ]
                repetitions: 2
                calibration: off
                """);
        Result run = netscale("run", spec.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("# order: shuffled within each repetition, seed"
                + " \\d+ \\(drawn; put order: \\{ seed: \\d+ } in the spec to repeat it\\)");
        Path dir = runFolder(tmp.resolve("out/shuffled"));
        // As if interrupted after 5 of 8 trials: keep the header and the first 5 rows.
        Path trials = dir.resolve("trials.csv");
        java.util.List<String> rows = Files.readAllLines(trials);
        java.util.List<String> dropped = rows.subList(6, 9).stream()
                .map(r -> r.split(",")[3] + "/" + r.split(",")[4] + "/" + r.split(",")[7])
                .toList();
        Files.write(trials, rows.subList(0, 6));

        Result resumed = netscale("run", "--resume", dir.toString());

        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("# resuming: 5 of 8 trials already recorded")
                .contains("(from the run being resumed)").doesNotContain("drawn");
        java.util.List<String> again = Files.readAllLines(trials).subList(6, 9).stream()
                .map(r -> r.split(",")[3] + "/" + r.split(",")[4] + "/" + r.split(",")[7])
                .toList();
        // The same three trials, in the same order: the seed came from environment.json.
        assertThat(again).isEqualTo(dropped);
    }

    @Test
    void aRunStoppedWhileCalibratingResumesWithItsRepetitionsAndSeedAndCalibrates()
            throws Exception {
        Path spec = tmp.resolve("early.yaml");
        Files.writeString(spec, """
                name: early
                message: { total: 200 }
                senders: { counts: [1, 2] }
                receivers: [ { id: a, runtime: native }, { id: b, runtime: native } ]
                repetitions: 3
                calibration: 1s
                """);
        Result run = netscale("run", spec.toString(), "--repetitions", "1", "--out",
                tmp.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        Path dir = runFolder(tmp.resolve("out/early"));
        // As a stop while calibrating leaves the folder: environment.json holds the run's
        // settings but no calibration, and no trial is recorded.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path envFile = dir.resolve("environment.json");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> env = json.readValue(envFile.toFile(),
                java.util.LinkedHashMap.class);
        Object seed = ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) env.get("netscale"))
                .get("order")).get("seed");
        env.remove("calibration");
        env.remove("host_health");
        json.writeValue(envFile.toFile(), env);
        Files.delete(dir.resolve("trials.csv"));

        Result resumed = netscale("run", "--resume", dir.toString());

        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("# 4 trials: 2 sender counts x 2 receivers x 1"
                + " repetitions").contains("seed " + seed + " (from the run being resumed)")
                .contains("# calibrating the host");
        assertThat(Files.readAllLines(dir.resolve("trials.csv"))).hasSize(5);
        assertThat(Files.readString(envFile)).contains("\"calibration\"", "\"host_health\"");
    }
}
