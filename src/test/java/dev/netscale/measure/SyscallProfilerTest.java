package dev.netscale.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.backend.LocalBackend;
import dev.netscale.env.Host;
import dev.netscale.results.SyscallProfile;
import dev.netscale.results.SyscallsCsv;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallProfilerTest {
    @TempDir
    Path dir;

    private static final Artifacts ARTIFACTS = new Artifacts(Path.of("."));

    @Test
    void profilesTheLargestSenderCountUpToFourUnlessTheSpecNamesOne() {
        assertThat(SyscallProfiler.senders(List.of(1, 2, 4, 8), OptionalInt.empty())).isEqualTo(4);
        assertThat(SyscallProfiler.senders(List.of(1, 3, 5), OptionalInt.empty())).isEqualTo(3);
        assertThat(SyscallProfiler.senders(List.of(8, 16), OptionalInt.empty())).isEqualTo(8);
        assertThat(SyscallProfiler.senders(List.of(1, 2), OptionalInt.of(6))).isEqualTo(6);
    }

    /**
     * The native receiver reads each 1024-byte message in one recvfrom and answers it in one
     * sendto, so strace counts about one of each per message (a short read adds a recvfrom).
     */
    @Test
    void countsTheNativeReceiversCallsPerMessageIntoSyscallsCsvOnly() throws Exception {
        ExperimentSpec spec = new SpecLoader(Host.allowedCpus()).parse("""
                name: profile
                message: { total: 400 }
                senders: { counts: [2] }
                receivers: [ { runtime: native } ]
                repetitions: 1
                """, Path.of("profile.yaml"));
        List<SyscallProfile> seen = new ArrayList<>();

        try (LocalBackend backend = new LocalBackend(ARTIFACTS, new Launchers(ARTIFACTS))) {
            new SyscallProfiler(backend, seen::add).run(spec, 2, Host.allowedCpus(), dir);
            assertThat(backend.liveProcesses()).isZero();
        }

        assertThat(seen).hasSize(1);
        SyscallProfile p = seen.get(0);
        assertThat(p.failure()).isEmpty();
        assertThat(p.method()).isEqualTo("attach");
        assertThat(p.messages()).isEqualTo(400);
        assertThat(p.perMessage("sendto")).isBetween(1.0, 1.05);
        assertThat(p.perMessage("recvfrom")).isBetween(1.0, 1.5);
        assertThat(SyscallsCsv.read(dir.resolve(SyscallsCsv.FILE))).containsExactly(p);
        assertThat(dir.resolve("trials.csv")).doesNotExist();
        assertThat(Files.readString(dir.resolve("logs/profile-native/strace.cmd")))
                .startsWith("strace -c -f -o ");

        // A resumed run does not trace the receiver again.
        try (LocalBackend backend = new LocalBackend(ARTIFACTS, new Launchers(ARTIFACTS))) {
            assertThat(new SyscallProfiler(backend, seen::add).run(spec, 2,
                    Host.allowedCpus(), dir)).isEmpty();
        }
    }
}
