package dev.netscale.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that break the protocol on purpose: the sender must catch every bad ack, the
 * trial must fail with the reason and its logs, and the run must go on.
 */
class FaultTest {
    @TempDir
    Path out;

    @ParameterizedTest(name = "{0} receiver with {1}")
    @CsvSource({
        "native, corrupt-ack, ack-mismatch",
        "native, repeat-ack, ack-mismatch",
        "native, cross-ack, ack-mismatch",
        "jvm, corrupt-ack, ack-mismatch",
        "jvm, repeat-ack, ack-mismatch",
        "jvm, cross-ack, ack-mismatch"})
    void aBadAckFailsTheTrialAndTheNextTrialStillRuns(String runtime, String fault,
            String reason) throws Exception {
        ExperimentSpec spec = LocalRuns.spec("""
                name: faults
                message: { total: 40 }
                senders: { counts: 2 }
                receivers:
                  - { id: faulty, runtime: %s, inject-fault: %s }
                  - { id: healthy, runtime: native }
                repetitions: 1
                timeouts: { setup: 60s, trial: 10s }
                """.formatted(runtime, fault));

        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());

        assertThat(records).hasSize(2);
        TrialRecord bad = LocalRuns.trial(records, "faulty");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.failure()).contains(reason);
        assertThat(bad.throughput()).isNaN();
        Path logs = LocalRuns.logs(out, spec, bad);
        assertThat(Files.readString(logs.resolve("sender-0.out"))
                + Files.readString(logs.resolve("sender-1.out")))
                .contains("error");
        TrialRecord healthy = LocalRuns.trial(records, "healthy");
        assertThat(healthy.ok()).as(healthy.failure()).isTrue();
        assertThat(ProcessHandle.current().children().count()).isZero();
    }

    @Test
    void aReceiverThatNeverAcksTimesOutAndTheNextTrialStillRuns() {
        ExperimentSpec spec = LocalRuns.spec("""
                name: no-ack
                message: { total: 40 }
                senders: { counts: 1 }
                receivers:
                  - { id: silent, runtime: native, inject-fault: no-ack }
                  - { id: healthy, runtime: native }
                repetitions: 1
                timeouts: { setup: 60s, trial: 2s }
                """);

        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());

        assertThat(LocalRuns.trial(records, "silent").failure()).isEqualTo("timed out waiting"
                + " for the receiver's"
                + " done line (trial timeout 2 s)");
        assertThat(LocalRuns.trial(records, "healthy").ok()).isTrue();
        assertThat(ProcessHandle.current().children().count()).isZero();
    }
}
