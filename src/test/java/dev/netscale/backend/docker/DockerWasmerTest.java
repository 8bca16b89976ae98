package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WASIX receiver in its container: the pinned Wasmer runs the module it precompiled on the
 * host, baked into the image, and no trial compiles it despite the read-only root file system.
 * Needs a Docker daemon, the base image and the pinned Wasmer (`make wasmer`).
 */
@Tag("docker")
class DockerWasmerTest {
    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cranelift", "singlepass"})
    void runsThePrecompiledModuleAndNoTrialCompilesIt(String compiler) {
        ExperimentSpec spec = DockerRuns.spec("""
                name: docker-wasmer-%s
                message: { size: 1024, total: 600, warmup: 2 }
                senders: { counts: [1, 3] }
                receivers: [ { id: wasm, runtime: wasmer, compiler: %s } ]
                repetitions: 1
                timeouts: { setup: 60s, trial: 60s }
                """.formatted(compiler, compiler));
        // What the receiver's Wasmer cache holds while the trial runs, seen from the host
        // through the container's root: it stays empty unless the trial compiled the module.
        Map<Integer, List<String>> cache = new ConcurrentHashMap<>();

        DockerRuns.Result run = DockerRuns.run(spec, out, backend -> backend.afterRelease(r -> {
            long pid = backend.client().inspectContainerCmd(r.receiver()).exec().getState()
                    .getPidLong();
            Path dir = Path.of("/proc", Long.toString(pid), "root",
                    Recipes.WASMER_CACHE.substring(1));
            try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
                cache.put(r.trial().index(), s.filter(Files::isRegularFile).map(Path::toString)
                        .toList());
            } catch (IOException e) {
                cache.put(r.trial().index(), List.of("unreadable: " + e));
            }
        }));

        assertThat(run.records()).hasSize(2).allSatisfy(r -> {
            assertThat(r.ok()).as(r.key() + ": " + r.failure()).isTrue();
            assertThat(r.messages()).isEqualTo(600 / r.senders() * r.senders());
            assertThat(r.receiverThreads()).isEqualTo(r.senders());
            assertThat(r.compiler()).isEqualTo(compiler);
            assertThat(r.receiverCpusActual()).isEqualTo(r.receiverCpus());
        });
        for (TrialRecord r : run.records()) {
            Path logs = run.folder().resolve(r.logs());
            assertThat(logs.resolve("receiver.out")).content().startsWith("ready ")
                    .contains("runtime=wasmer");
            assertThat(logs.resolve("receiver.cmd")).content()
                    .startsWith(Recipes.WASMER + " run --net --cache-dir " + Recipes.WASMER_CACHE)
                    .contains(Recipes.PRECOMPILED + "/netscale-receiver." + compiler + ".");
        }
        assertThat(cache).hasSize(2).allSatisfy((trial, files) ->
                assertThat(files).as("files in the Wasmer cache of trial " + trial).isEmpty());
        assertThat(DockerRuns.leftBehind(run.runId())).as("containers left behind").isEmpty();
    }
}
