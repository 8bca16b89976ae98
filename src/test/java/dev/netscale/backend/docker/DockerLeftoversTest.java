package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.spec.ExperimentSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Containers left behind by a netscale that crashed are removed at the next start; those of a
 * netscale still running are not.
 */
@Tag("docker")
class DockerLeftoversTest {

    @Test
    void prepareRemovesContainersWhoseCreatorIsGoneAndKeepsTheOthers() throws Exception {
        ExperimentSpec spec = DockerRuns.spec("""
                name: leftovers
                senders: { counts: 1 }
                receivers: [ { runtime: native } ]
                """);
        var trials = Planner.plan(spec, 1, Host.allowedCpus());
        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS)) {
            backend.prepare(spec, trials);
            DockerClient docker = backend.client();
            String image = backend.images().get("sender").tag();
            // A pid that cannot exist: its netscale is gone.
            String crashed = create(docker, image, "leftover-crashed", "4194305@1");
            String alive = create(docker, image, "leftover-alive",
                    ContainerTracker.owner(ProcessHandle.current()));
            try {
                List<String> removed = backend.containers().removeLeftovers();

                assertThat(removed).contains(crashed).doesNotContain(alive);
                assertThat(docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ContainerTracker.LABEL, "1")).exec())
                        .extracting(Container::getId).contains(alive).doesNotContain(crashed);
            } finally {
                backend.containers().remove(crashed);
                backend.containers().remove(alive);
            }
        }
    }

    private static String create(DockerClient docker, String image, String run, String owner) {
        return docker.createContainerCmd(image)
                .withLabels(Map.of(ContainerTracker.LABEL, "1", ContainerTracker.RUN, run,
                        ContainerTracker.OWNER, owner))
                .withEntrypoint("/usr/local/bin/netscale-sender", "--help")
                .exec().getId();
    }
}
