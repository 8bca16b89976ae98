package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image's tag names its inputs: any change to one of them gives another tag. */
class ImageRecipeTest {
    @TempDir
    Path dir;

    private ImageRecipe recipe() throws IOException {
        Path dockerfile = dir.resolve("x.Dockerfile");
        if (!Files.exists(dockerfile)) {
            Files.writeString(dockerfile, "FROM debian:bookworm-slim\nCOPY prog /prog\n");
            Files.writeString(dir.resolve("prog"), "v1");
        }
        return new ImageRecipe("netscale/x", dockerfile,
                List.of(new ImageRecipe.ContextFile("prog", dir.resolve("prog"))));
    }

    @Test
    void theSameInputsGiveTheSameTag() throws IOException {
        assertThat(recipe().inputsHash("sha256:base")).hasSize(16)
                .isEqualTo(recipe().inputsHash("sha256:base"));
    }

    @Test
    void aNewBaseImageAChangedFileModeOrDockerfileEachGiveANewTag() throws IOException {
        String before = recipe().inputsHash("sha256:base");

        assertThat(recipe().inputsHash("sha256:other-base")).isNotEqualTo(before);

        Files.writeString(dir.resolve("prog"), "v2");
        String changedFile = recipe().inputsHash("sha256:base");
        assertThat(changedFile).isNotEqualTo(before);

        Files.setPosixFilePermissions(dir.resolve("prog"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        String changedMode = recipe().inputsHash("sha256:base");
        assertThat(changedMode).isNotEqualTo(changedFile);

        Files.writeString(dir.resolve("x.Dockerfile"), "FROM debian:bookworm-slim\n");
        assertThat(recipe().inputsHash("sha256:base")).isNotEqualTo(changedMode);
    }

    @Test
    void aTreeIsAddedFileByFileUnderItsTarget() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("java/bin"));
        Files.writeString(tree.resolve("java"), "launcher");
        Files.writeString(dir.resolve("java/release"), "JAVA_VERSION=x");

        ImageRecipe r = recipe().withTree("opt", dir.resolve("java"));

        assertThat(r.files()).extracting(ImageRecipe.ContextFile::target)
                .containsExactly("prog", "opt/bin/java", "opt/release");
    }
}
