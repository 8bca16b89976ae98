package dev.netscale.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.results.TrialRecord;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.runtime.WasmerLauncher;
import dev.netscale.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The WASIX receiver under the pinned Wasmer: the same checks as for the native receiver, and
 * proof that trials really ran the module under Wasmer and never compiled it.
 */
class WasmerRunTest {
    @TempDir
    Path out;

    private static ExperimentSpec spec(String compiler, int size, long total, String counts) {
        return LocalRuns.spec("""
                name: wasmer-%s
                message: { size: %d, total: %d, warmup: 2 }
                senders: { counts: %s }
                receivers: [ { id: wasm, runtime: wasmer, compiler: %s } ]
                repetitions: 1
                timeouts: { setup: 60s, trial: 60s }
                """.formatted(compiler, size, total, counts, compiler));
    }

    @ParameterizedTest(name = "{0}, {1}-byte messages")
    @CsvSource({"cranelift, 16", "cranelift, 1024", "cranelift, 65536", "singlepass, 1024"})
    void servesEverySenderOnItsOwnGuestThreadWithCorrectCounts(String compiler, int size)
            throws IOException {
        ExperimentSpec spec = spec(compiler, size, 600, "[1, 3]");
        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());

        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.ok()).as(r.key() + ": " + r.failure()).isTrue();
            assertThat(r.messages()).isEqualTo(600 / r.senders() * r.senders());
            assertThat(r.receiverThreads()).isEqualTo(r.senders());
            assertThat(r.compiler()).isEqualTo(compiler);
        });
        for (TrialRecord r : records) {
            Path logs = LocalRuns.logs(out, spec, r);
            // The module itself says which platform layer it was built with.
            assertThat(Files.readString(logs.resolve("receiver.out"))).startsWith("ready ")
                    .contains("runtime=wasmer").contains("released ").contains("done ");
            String command = Files.readString(logs.resolve("receiver.cmd"));
            assertThat(command).contains(" run --net ").contains(".wasmu")
                    .contains("netscale-receiver." + compiler + ".");
        }
        assertThat(ProcessHandle.current().children().count()).isZero();
    }

    @Test
    void noTrialCompilesTheModule() throws IOException {
        WasmerLauncher launcher = WasmerLauncher.pinned(LocalRuns.ARTIFACTS);
        // Trials load the precompiled artifact with this cache folder: were a trial to compile
        // the module, Wasmer would store the result here.
        Path cache = launcher.trialCache();
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.walk(cache)) {
                s.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(cache))
                        .forEach(p -> p.toFile().delete());
            }
        }
        List<TrialRecord> records = LocalRuns.run(spec("cranelift", 1024, 400, "[1, 2]"), out,
                new LocalRuns.Events());
        assertThat(records).allSatisfy(r -> assertThat(r.ok()).as(r.failure()).isTrue());
        try (Stream<Path> s = Files.walk(cache)) {
            assertThat(s.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"corrupt-ack", "repeat-ack", "cross-ack"})
    void aBadAckFromTheModuleFailsTheTrial(String fault) {
        ExperimentSpec spec = LocalRuns.spec("""
                name: wasm-faults
                message: { total: 40 }
                senders: { counts: 2 }
                receivers:
                  - { id: faulty, runtime: wasmer, inject-fault: %s }
                  - { id: healthy, runtime: wasmer }
                repetitions: 1
                timeouts: { setup: 60s, trial: 20s }
                """.formatted(fault));
        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());
        assertThat(LocalRuns.trial(records, "faulty").failure()).contains("ack-mismatch");
        TrialRecord healthy = LocalRuns.trial(records, "healthy");
        assertThat(healthy.ok()).as(healthy.failure()).isTrue();
    }

    @Test
    void aHangingModuleTimesOutAndTheNextTrialStillRuns() {
        ExperimentSpec spec = LocalRuns.spec("""
                name: wasm-hang
                message: { total: 40 }
                senders: { counts: 2 }
                receivers:
                  - { id: hanging, runtime: wasmer, inject-fault: hang }
                  - { id: healthy, runtime: wasmer }
                repetitions: 1
                timeouts: { setup: 5s, trial: 20s }
                """);
        List<TrialRecord> records = LocalRuns.run(spec, out, new LocalRuns.Events());
        assertThat(LocalRuns.trial(records, "hanging").failure()).startsWith("timed out"
                + " waiting for the release"
                + " of all 2 connections (setup timeout 5 s)");
        TrialRecord healthy = LocalRuns.trial(records, "healthy");
        assertThat(healthy.ok()).as(healthy.failure()).isTrue();
        assertThat(ProcessHandle.current().children().count()).isZero();
    }

    @Test
    void aMissingModuleNamesTheFileAndHowToBuildIt(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(Path.of("scripts/versions.env"), home.resolve("scripts/versions.env"));
        WasmerLauncher launcher = WasmerLauncher.pinned(new Artifacts(home));
        ExperimentSpec spec = spec("cranelift", 1024, 10, "1");
        assertThatThrownBy(() -> launcher.prepare(spec.receivers().get(0)))
                .isInstanceOf(RuntimeUnavailableException.class)
                .hasMessage("the WASIX receiver module not found at "
                        + home.resolve("build/wasix/netscale-receiver.wasm")
                        + "; build it with `make build` (or run `make experiment`, which builds"
                        + " it)");
    }

    @Test
    void aModuleBuiltForTheWrongTargetIsRefusedWithTheFix(@TempDir Path home)
            throws IOException {
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(Path.of("scripts/versions.env"), home.resolve("scripts/versions.env"));
        Files.createDirectories(home.resolve("build/wasix"));
        // The native ELF binary where the module should be: a build for the wrong target.
        Files.copy(LocalRuns.ARTIFACTS.nativeReceiver(),
                home.resolve("build/wasix/netscale-receiver.wasm"));
        WasmerLauncher launcher = WasmerLauncher.pinned(new Artifacts(home));
        ExperimentSpec spec = spec("cranelift", 1024, 10, "1");
        assertThatThrownBy(() -> launcher.prepare(spec.receivers().get(0)))
                .isInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("is not a WebAssembly module Wasmer accepts")
                .hasMessageEndingWith("rebuild it with `make wasix` (clang-19, target"
                        + " wasm32-wasi)");
    }
}
