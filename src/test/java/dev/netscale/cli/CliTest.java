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
        assertThat(r.out()).contains("# 9 trials: 3 sender counts x 3 receivers x 1 repetitions")
                .contains("# estimated time:");
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
                """);
        Result run = netscale("run", spec.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("[  8/8] ").contains("# written:");
        Path dir;
        try (var s = Files.list(tmp.resolve("out/tiny"))) {
            dir = s.findFirst().orElseThrow();
        }
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
}
