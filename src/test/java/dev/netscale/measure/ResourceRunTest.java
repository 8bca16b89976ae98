package dev.netscale.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.backend.LocalBackend;
import dev.netscale.backend.TrialOutput;
import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.resources.ResourceUse;
import dev.netscale.results.ResourceFigures;
import dev.netscale.results.TrialRecord;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real trial of the native receiver, read by the local backend's probe. */
class ResourceRunTest {
    @TempDir
    Path dir;

    private static final Artifacts ARTIFACTS = new Artifacts(Path.of("."));

    @Test
    void aLocalTrialCarriesTheReceiversResourceUse() {
        ExperimentSpec spec = new SpecLoader(Host.allowedCpus()).parse("""
                name: resources
                message: { total: 4000 }
                senders: { counts: [2] }
                receivers: [ { runtime: native } ]
                repetitions: 1
                """, Path.of("resources.yaml"));
        Trial trial = Planner.plan(spec, 1, Host.allowedCpus()).get(0);

        TrialOutput out;
        try (LocalBackend backend = new LocalBackend(ARTIFACTS, new Launchers(ARTIFACTS))) {
            out = backend.run(spec, trial, dir.resolve("logs"));
        }
        TrialRecord r = new TrialAnalyzer(spec).analyze(trial, out, Instant.now());

        assertThat(r.ok()).as(r.failure()).isTrue();
        // The probe's first reading came while the receiver held its release.
        assertThat(out.receiverLines()).filteredOn(l -> l.startsWith("holding")
                || l.startsWith("released")).extracting(l -> l.split(" ")[0])
                .containsExactly("holding", "released");
        ResourceUse use = out.resources().orElseThrow();
        assertThat(use.source()).as("the process CPU clock, in nanoseconds").isEqualTo("proc-clock");
        assertThat(use.cpuResolutionNanos()).isEqualTo(1);
        assertThat(use.windowNanos()).isPositive();
        assertThat(use.samples()).isGreaterThanOrEqualTo(2);
        // the main thread and one thread per connection
        assertThat(use.threadsPeak()).isEqualTo(3);
        assertThat(use.threads()).extracting(t -> t.name()).containsOnly("netscale-receiv");
        ResourceFigures f = r.resources();
        assertThat(f.measured()).isTrue();
        assertThat(f.receiverThreadsOs()).isEqualTo(3);
        assertThat(f.receiverVoluntarySwitchesPerMessage()).isPositive();
        assertThat(f.busiestThreadName()).isEqualTo("netscale-receiv");
        assertThat(f.senderCpuMicrosPerMessage()).isPositive();
        assertThat(f.receiverCpusetBusyShare()).isBetween(0.0, 1.0);
    }
}
