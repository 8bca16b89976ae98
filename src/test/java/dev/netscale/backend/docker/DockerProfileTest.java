package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.env.Host;
import dev.netscale.measure.SyscallProfiler;
import dev.netscale.plan.Planner;
import dev.netscale.results.SyscallProfile;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * System calls of a receiver in a container, counted by strace on the host attached to the
 * container's process. Needs root on the host, as CI has.
 */
@Tag("docker")
class DockerProfileTest {
    @TempDir
    Path dir;

    @Test
    void countsTheContainerReceiversCallsFromTheHost() throws Exception {
        ExperimentSpec spec = DockerRuns.spec("""
                name: docker-profile
                message: { total: 400 }
                senders: { counts: [2] }
                receivers: [ { runtime: native } ]
                repetitions: 1
                """);
        List<SyscallProfile> seen = new ArrayList<>();
        String runId;
        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS)) {
            backend.prepare(spec, Planner.plan(spec, 1, Host.allowedCpus()));
            new SyscallProfiler(backend, seen::add).run(spec, 2, Host.allowedCpus(), dir);
            runId = backend.containers().runId();
        }

        assertThat(seen).hasSize(1);
        SyscallProfile p = seen.get(0);
        assertThat(p.failure()).isEmpty();
        assertThat(p.messages()).isEqualTo(400);
        // one read and one write per message, as on the local backend
        assertThat(p.perMessage("sendto")).isBetween(1.0, 1.05);
        assertThat(p.perMessage("recvfrom")).isBetween(1.0, 1.5);
        assertThat(Files.readString(dir.resolve("logs/profile-native/strace.cmd")))
                .startsWith("strace -c -f -o ");
        assertThat(DockerRuns.leftBehind(runId)).as("containers left behind").isEmpty();
    }
}
