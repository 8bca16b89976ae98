package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.env.Host;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.spec.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Images are built once per set of inputs and reused while the inputs stay the same. */
@Tag("docker")
class DockerImagesTest {

    @Test
    void aSecondPrepareReusesEveryImageWithoutBuilding() throws Exception {
        ExperimentSpec spec = DockerRuns.load("experiments/quick.yaml");
        List<Trial> trials = Planner.plan(spec, 1, Host.allowedCpus());
        // Remove the sender image, so that the first prepare below builds one afresh and the
        // ids of a built and of a reused image are compared.
        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS)) {
            backend.prepare(spec, trials);
            String tag = backend.images().get("sender").tag();
            Process rmi = new ProcessBuilder("docker", "rmi", "-f", tag)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(rmi.waitFor()).as("docker rmi " + tag).isZero();
        }

        Map<String, Images.Prepared> first;
        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS)) {
            backend.prepare(spec, trials);
            first = backend.images();
        }
        Map<String, Images.Prepared> second;
        try (DockerBackend backend = new DockerBackend(DockerRuns.ARTIFACTS)) {
            backend.prepare(spec, trials);
            second = backend.images();
        }

        List<String> keys = new ArrayList<>(List.of("sender"));
        spec.receivers().stream().map(Recipes::imageKey).distinct().forEach(keys::add);
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(keys).contains("jvm");
        assertThat(first.get("sender").built()).as("sender built afresh").isTrue();
        assertThat(second).hasSameSizeAs(first).allSatisfy((key, image) -> {
            assertThat(image.built()).as(key + " rebuilt").isFalse();
            assertThat(image.id()).as(key).isEqualTo(first.get(key).id());
            assertThat(image.tag()).as(key).isEqualTo(first.get(key).tag());
        });
    }
}
