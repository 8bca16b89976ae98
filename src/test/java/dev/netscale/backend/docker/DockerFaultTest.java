package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers that go wrong mid-trial: the trial fails with the reason, and the run goes on. */
@Tag("docker")
class DockerFaultTest {
    @TempDir
    Path out;

    @Test
    void aSenderContainerKilledAfterTheReleaseFailsItsTrialAndTheNextTrialStillRuns() {
        // 20,000 round trips per connection take well over a second here (about 12,000 per
        // second on loopback), so the kill lands while the senders are sending.
        ExperimentSpec spec = DockerRuns.spec("""
                name: docker-fault
                message: { per-sender: 20000 }
                senders: { counts: 2 }
                receivers:
                  - { id: doomed, runtime: native }
                  - { id: healthy, runtime: native }
                repetitions: 1
                timeouts: { setup: 60s, trial: 30s }
                """);

        DockerRuns.Result run = DockerRuns.run(spec, out, backend -> backend.afterRelease(r -> {
            if (r.trial().receiver().id().equals("doomed")) {
                backend.client().killContainerCmd(r.senders().get(0)).exec();
            }
        }));

        List<TrialRecord> records = run.records();
        assertThat(records).hasSize(2);
        TrialRecord doomed = records.stream().filter(r -> r.receiver().equals("doomed"))
                .findFirst().orElseThrow();
        TrialRecord healthy = records.stream().filter(r -> r.receiver().equals("healthy"))
                .findFirst().orElseThrow();
        assertThat(doomed.ok()).isFalse();
        assertThat(doomed.failure()).startsWith("sender 0 exited with status 137 (killed)");
        assertThat(doomed.throughput()).isNaN();
        assertThat(run.folder().resolve(doomed.logs()).resolve("sender-0.out")).content()
                .startsWith("connected connections=1");
        // A killed peer closes its socket, or resets it when unread bytes were pending.
        assertThat(run.folder().resolve(doomed.logs()).resolve("receiver.out")).content()
                .containsPattern("error id=0 reason=(closed|truncated|recv-failed code=104)");
        assertThat(healthy.ok()).as(healthy.failure()).isTrue();
        assertThat(healthy.messages()).isEqualTo(40_000);
        assertThat(DockerRuns.leftBehind(run.runId())).as("containers left behind").isEmpty();
    }
}
