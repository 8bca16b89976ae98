package dev.netscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small-host spec end to end, as CI runs it: native and Wasmer receivers on this host's
 * CPUs, then `netscale check` against the shape its comments predict. Quick settings: three
 * repetitions instead of repeating until convergence.
 */
class SmallHostCheckTest {
    @TempDir
    Path out;

    @Test
    void theSmallHostSpecRunsHereAndPassesItsOwnCheck() throws IOException {
        CliTest.Result run = CliTest.netscale("run", "experiments/small-host.yaml",
                "--repetitions", "3", "--out", out.toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        Path dir = CliTest.runFolder(out.resolve("small-host"));

        CliTest.Result check = CliTest.netscale("check", dir.toString());

        assertThat(check.out()).contains("# reproduction checks of " + dir);
        assertThat(check.status()).as(check.out()).isIn(0, 1);
        assertThat(dir.resolve("report.md")).content().contains("## Reproduction checks",
                "## Host calibration");
        String environment = Files.readString(dir.resolve("environment.json"));
        assertThat(environment).contains("\"calibration\"", "\"host_health\"", "\"order\"");
        // A failure on a host that other work kept busy is still a failure; the message says
        // so, since the model predicts the shape of a quiet host.
        assertThat(check.status()).as(check.out() + (environment.contains("host busy")
                ? "\n(the run warned that the host was busy)" : "")).isZero();
        assertThat(check.out()).doesNotContain("FAIL");
    }
}
