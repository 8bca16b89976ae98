package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver container with many connections prints many records at once when it is done;
 * every one of them must reach the trial (the attach stream once mixed them into stderr).
 */
@Tag("docker")
class DockerManySendersTest {
    @TempDir
    Path out;

    @Test
    void everyRecordOfAReceiverWithTwentyFiveConnectionsIsCounted() {
        DockerRuns.Result result = DockerRuns.run(DockerRuns.spec("""
                name: docker-many
                message: { total: 2500 }
                senders: { counts: 25 }
                receivers: [ { runtime: native } ]
                repetitions: 2
                calibration: off
                """), out, backend -> { });

        assertThat(result.records()).hasSize(2).allSatisfy(r -> {
            assertThat(r.ok()).as(r.failure()).isTrue();
            assertThat(r.receiverThreads()).isEqualTo(25);
            assertThat(r.messages()).isEqualTo(2500);
        });
        assertThat(DockerRuns.leftBehind(result.runId())).isEmpty();
        assertThat(result.records()).extracting(TrialRecord::receiver).containsOnly("native");
    }
}
