package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a daemon, a docker run stops in prepare(), before any work, saying what to do. */
class NoDaemonTest {
    @TempDir
    Path dir;

    @Test
    void prepareFailsAtOnceNamingHowToStartADaemon() {
        ExperimentSpec spec = DockerRuns.spec("""
                name: no-daemon
                backend: docker
                senders: { counts: 1 }
                receivers: [ { runtime: native } ]
                """);
        String socket = "unix://" + dir.resolve("docker.sock");
        long t0 = System.nanoTime();

        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS, socket)) {
            assertThatThrownBy(() -> backend.prepare(spec, Planner.plan(spec, 1,
                    Host.allowedCpus())))
                    .isInstanceOf(RuntimeUnavailableException.class)
                    .hasMessageStartingWith("no Docker daemon answers at " + socket + " (")
                    .hasMessageContaining("start one with `make docker-daemon` (as root:")
                    .hasMessageEndingWith("or run with --backend local");
        }
        assertThat(System.nanoTime() - t0)
                .as("nanoseconds to fail").isLessThan(10_000_000_000L);
    }
}
