package dev.netscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netscale run --profile}: the trials, then one traced trial per receiver. */
class ProfileCliTest {
    @TempDir
    Path tmp;

    @Test
    void profileCountsSystemCallsIntoSyscallsCsvAndTheReport() throws IOException {
        Path spec = tmp.resolve("p.yaml");
        Files.writeString(spec, """
                name: p
                message: { total: 400 }
                senders: { counts: [1, 2] }
                receivers: [ { runtime: native } ]
                repetitions: 1
                calibration: off
                """);

        CliTest.Result r = CliTest.netscale("run", spec.toString(), "--profile", "--out",
                tmp.resolve("results").toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("# profiling: one extra trial per receiver at 2 senders"
                + " with strace -c -f attached to the receiver")
                .containsPattern("native +\\d+\\.\\d\\d system calls per message");
        Path run;
        try (Stream<Path> runs = Files.list(tmp.resolve("results/p"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(run.resolve("trials.csv"))).hasSize(3);
        assertThat(Files.readString(run.resolve("syscalls.csv"))).contains(",native,native,,2,"
                + "attach,400,,sendto,");
        assertThat(Files.readString(run.resolve("report.md")))
                .contains("### System calls per message");
    }
}
