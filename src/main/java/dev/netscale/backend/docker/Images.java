package dev.netscale.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.netscale.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds images from recipes, or reuses the image already tagged with the hash of the same
 * inputs. Builds never pull and need no network: every file comes from the build.
 */
final class Images {
    /** The base image of every Dockerfile in {@code docker/}. */
    static final String BASE = "debian:bookworm-slim";
    /** Set on a base image made by scripts/docker-base-image.sh rather than pulled. */
    static final String BASE_LOCAL_LABEL = "dev.netscale.base";

    /**
     * Images of one repository kept when a new one is built: the newest few, so that disk use
     * stays bounded while checkouts of recent sources, or a run going on beside this one,
     * keep theirs. Images in use by a container are never removed.
     */
    static final int KEEP_PER_REPOSITORY = 3;

    private static final Logger log = LoggerFactory.getLogger(Images.class);

    /** An image ready to run, and whether this call had to build it. */
    record Prepared(String tag, String id, long sizeBytes, boolean built) {
    }

    private final DockerClient docker;
    private final Path contexts;
    private String baseId;

    /** @param contexts where build contexts are staged, one folder per image */
    Images(DockerClient docker, Path contexts) {
        this.docker = docker;
        this.contexts = contexts;
    }

    /**
     * The base image's id.
     *
     * @throws RuntimeUnavailableException naming the script that makes it
     */
    String baseId() {
        if (baseId == null) {
            try {
                baseId = docker.inspectImageCmd(BASE).exec().getId();
            } catch (NotFoundException e) {
                throw new RuntimeUnavailableException("the base image " + BASE + " is not in"
                        + " the Docker daemon; make it with `make docker-base`"
                        + " (scripts/docker-base-image.sh pulls it, or builds it with"
                        + " debootstrap when no registry is reachable; as root)");
            }
        }
        return baseId;
    }

    /** Whether the base image was made locally by scripts/docker-base-image.sh. */
    boolean baseMadeLocally() {
        Map<String, String> labels = docker.inspectImageCmd(BASE).exec().getConfig().getLabels();
        return labels != null && labels.containsKey(BASE_LOCAL_LABEL);
    }

    /** The image of this recipe: the one already tagged with its inputs' hash, or a new build. */
    Prepared prepare(ImageRecipe recipe, Duration timeout) {
        String hash = recipe.inputsHash(baseId());
        String tag = recipe.repository() + ":" + hash;
        Optional<InspectImageResponse> existing = inspect(tag);
        if (existing.isPresent()) {
            log.debug("image {} is up to date", tag);
            return new Prepared(tag, existing.get().getId(), existing.get().getSize(), false);
        }
        long t0 = System.nanoTime();
        Path dir = stage(recipe);
        try {
            docker.buildImageCmd(dir.toFile())
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withRemove(true)
                    .withLabels(Map.of(ContainerTracker.LABEL, "1", "dev.netscale.inputs", hash))
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new RuntimeUnavailableException("cannot build image " + tag + " from "
                    + recipe.dockerfile() + ": " + DockerConnection.rootCause(e));
        } finally {
            deleteTree(dir);
        }
        InspectImageResponse built = inspect(tag).orElseThrow(() ->
                new RuntimeUnavailableException("image " + tag + " was built but is not listed"));
        log.info("built image {} in {} ms", tag, TimeUnit.NANOSECONDS.toMillis(
                System.nanoTime() - t0));
        pruneOlder(recipe.repository());
        // The build reports a short id; the inspected one is the full id a reused image has.
        return new Prepared(tag, built.getId(), built.getSize(), true);
    }

    /**
     * Removes this repository's netscale images beyond the newest {@link #KEEP_PER_REPOSITORY}.
     * An image a container uses, or one tagged for another repository as well, is left alone:
     * the daemon refuses to remove it without force, which is never asked for.
     *
     * @return the tags removed
     */
    List<String> pruneOlder(String repository) {
        List<String> removed = new ArrayList<>();
        List<Image> images;
        try {
            images = docker.listImagesCmd().withReferenceFilter(repository)
                    .withLabelFilter(Map.of(ContainerTracker.LABEL, "1")).exec();
        } catch (RuntimeException e) {
            log.debug("cannot list the images of {}: {}", repository, e.toString());
            return removed;
        }
        List<Image> newestFirst = images.stream()
                .sorted(Comparator.comparing(Image::getCreated,
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        for (Image old : newestFirst.subList(Math.min(KEEP_PER_REPOSITORY, newestFirst.size()),
                newestFirst.size())) {
            String[] tags = old.getRepoTags() == null ? new String[0] : old.getRepoTags();
            try {
                docker.removeImageCmd(old.getId()).withForce(false).exec();
                removed.addAll(List.of(tags));
                log.info("removed the older image {}", String.join(", ", tags));
            } catch (RuntimeException e) {
                // In use, tagged twice, or already gone: kept.
                log.debug("kept image {}: {}", old.getId(), DockerConnection.rootCause(e));
            }
        }
        return removed;
    }

    private Optional<InspectImageResponse> inspect(String tag) {
        try {
            return Optional.of(docker.inspectImageCmd(tag).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Copies the Dockerfile and every file into a fresh build context (links followed), a
     * folder of its own so that two runs building at once do not mix their files.
     */
    private Path stage(ImageRecipe recipe) {
        Path dir = null;
        try {
            Files.createDirectories(contexts);
            dir = Files.createTempDirectory(contexts, recipe.repository().replace('/', '-') + "-");
            Files.copy(recipe.dockerfile(), dir.resolve("Dockerfile"));
            for (ImageRecipe.ContextFile f : recipe.files()) {
                Path to = dir.resolve(f.target());
                Files.createDirectories(to.getParent());
                Files.copy(f.source(), to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the build context in " + dir, e);
        }
        return dir;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
