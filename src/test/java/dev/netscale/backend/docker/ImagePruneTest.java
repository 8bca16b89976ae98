package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Older images of a repository are removed after a build; newer and used ones are kept. */
@Tag("docker")
class ImagePruneTest {
    private static final String REPOSITORY = "netscale/prune-test";

    @TempDir
    Path dir;

    private final DockerClient docker = DockerConnection.open();
    private final List<String> tags = new ArrayList<>();
    private String container;

    @Test
    void keepsTheNewestImagesAndAnyInUseAndRemovesTheRest() throws Exception {
        int count = Images.KEEP_PER_REPOSITORY + 2;
        for (int i = 0; i < count; i++) {
            tags.add(build(i));
        }
        // The oldest image is in use by a container (created, never started).
        container = docker.createContainerCmd(tags.get(0)).withCmd("true").exec().getId();

        List<String> removed = new Images(docker, dir.resolve("contexts"))
                .pruneOlder(REPOSITORY);

        assertThat(removed).containsExactly(tags.get(1));
        assertThat(exists(tags.get(0))).as("the image in use").isTrue();
        assertThat(exists(tags.get(1))).as("an older image").isFalse();
        for (String newer : tags.subList(2, count)) {
            assertThat(exists(newer)).as(newer).isTrue();
        }
    }

    /**
     * Builds a one-layer image with its own label, in a second of its own: the daemon's
     * creation times, which order the images, count whole seconds.
     */
    private String build(int i) throws Exception {
        long second = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == second) {
            Thread.onSpinWait();
        }
        Path context = Files.createDirectories(dir.resolve("image-" + i));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + Images.BASE
                + "\nLABEL dev.netscale.prune-test=" + i + "\n");
        String tag = REPOSITORY + ":" + i;
        docker.buildImageCmd(context.toFile()).withTags(Set.of(tag)).withPull(false)
                .withLabels(Map.of(ContainerTracker.LABEL, "1"))
                .exec(new BuildImageResultCallback()).awaitImageId(60, TimeUnit.SECONDS);
        return tag;
    }

    private boolean exists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        if (container != null) {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        for (String tag : tags) {
            if (exists(tag)) {
                docker.removeImageCmd(tag).withForce(true).exec();
            }
        }
        docker.close();
    }
}
