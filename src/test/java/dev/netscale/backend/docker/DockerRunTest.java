package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import dev.netscale.env.Host;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.TrialsCsv;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real trials in containers: the receivers of experiments/quick.yaml and the native sender,
 * over loopback with host networking. Needs a Docker daemon and the base image (and the pinned
 * Wasmer, once quick.yaml has a wasmer receiver).
 */
@Tag("docker")
class DockerRunTest {
    @TempDir
    Path out;

    @Test
    void quickSpecRunsEveryReceiverInContainersToCorrectCountsAndLeavesNoContainer()
            throws Exception {
        ExperimentSpec spec = DockerRuns.load("experiments/quick.yaml");
        Map<Integer, InspectContainerResponse> receivers = new ConcurrentHashMap<>();
        Map<Integer, List<String>> receiverStatus = new ConcurrentHashMap<>();
        Map<Integer, InspectContainerResponse> senders = new ConcurrentHashMap<>();

        DockerRuns.Result run = DockerRuns.run(spec, out, backend -> backend.afterRelease(r -> {
            var docker = backend.client();
            InspectContainerResponse c = docker.inspectContainerCmd(r.receiver()).exec();
            receivers.put(r.trial().index(), c);
            receiverStatus.put(r.trial().index(), List.of(
                    Host.statusField(c.getState().getPidLong(), "Uid").orElse(""),
                    Host.statusField(c.getState().getPidLong(), "NoNewPrivs").orElse(""),
                    Host.statusField(c.getState().getPidLong(), "CapEff").orElse("")));
            senders.put(r.trial().index(), docker.inspectContainerCmd(r.senders().get(0))
                    .exec());
        }));

        List<TrialRecord> records = run.records();
        int trials = spec.receivers().size() * spec.senders().counts().size();
        assertThat(records).hasSize(trials).allSatisfy(r -> {
            assertThat(r.ok()).as(r.key() + " " + r.failure()).isTrue();
            assertThat(r.messages()).isEqualTo(2000 / r.senders() * r.senders());
            assertThat(r.receiverThreads()).as("distinct receiver threads").isEqualTo(r.senders());
            assertThat(r.throughput()).isPositive();
            assertThat(r.receiverCpusActual()).as("receiver CPUs from the kernel")
                    .isEqualTo(r.receiverCpus());
            assertThat(r.senderCpusActual()).as("sender CPUs from sched_getaffinity")
                    .isEqualTo(r.senderCpus());
            assertThat(r.resources().source()).as("the receiver container's CPU time")
                    .startsWith("cgroup-v");
            // read first while the receiver held its release, every connection's thread alive
            assertThat(r.resources().receiverThreadsOs()).isGreaterThanOrEqualTo(r.senders());
        });
        assertThat(records).extracting(TrialRecord::receiver).containsAll(List.of("native",
                "jvm", "jvm-virtual")).containsOnlyElementsOf(spec.receivers().stream()
                .map(ExperimentSpec.ReceiverSpec::id).toList());
        assertThat(TrialsCsv.read(run.folder().resolve("trials.csv")).trials()).hasSize(trials);

        for (TrialRecord r : records) {
            Path logs = run.folder().resolve(r.logs());
            assertThat(logs.resolve("receiver.out")).content().contains("ready port=")
                    .contains("done connections=" + r.senders());
            assertThat(logs.resolve("receiver.err")).exists();
            for (int i = 0; i < r.senders(); i++) {
                assertThat(logs.resolve("sender-" + i + ".out")).content()
                        .startsWith("connected connections=1 cpus=" + r.senderCpus())
                        .contains("sender-done connections=1");
                assertThat(logs.resolve("sender-" + i + ".err")).exists();
            }
            String kind = r.runtime().equals("jvm-virtual") ? "virtual" : "os";
            assertThat(Files.readString(logs.resolve("receiver.out")).lines()
                    .filter(l -> l.startsWith("conn "))).as(r.key()).hasSize(r.senders())
                    .allSatisfy(l -> assertThat(l).contains("thread-kind=" + kind));
        }

        assertThat(receivers).hasSize(trials).allSatisfy((trial, c) -> {
            var host = c.getHostConfig();
            assertThat(c.getConfig().getUser()).isEqualTo("65534:65534");
            assertThat(host.getNetworkMode()).isEqualTo("host");
            assertThat(host.getReadonlyRootfs()).isTrue();
            assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
            assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
            assertThat(host.getMemory()).isEqualTo(spec.docker().memoryBytes());
            assertThat(c.getConfig().getLabels()).containsEntry("dev.netscale", "1")
                    .containsEntry("dev.netscale.run", run.runId());
        });
        assertThat(receiverStatus).allSatisfy((trial, status) -> {
            assertThat(status.get(0)).as("real uid of the receiver").startsWith("65534\t");
            assertThat(status.get(1)).as("no new privileges").isEqualTo("1");
            assertThat(status.get(2)).as("effective capabilities").matches("0+");
        });
        assertThat(senders).allSatisfy((trial, c) -> {
            assertThat(c.getConfig().getUser()).isEqualTo("65534:65534");
            assertThat(c.getHostConfig().getReadonlyRootfs()).isTrue();
            assertThat(c.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
        });
        assertThat(DockerRuns.leftBehind(run.runId())).as("containers left behind").isEmpty();
    }
}
