package dev.netscale.backend.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one image is made of: a Dockerfile from {@code docker/} and the build's files copied
 * into its build context. The image's tag is a hash of every input (the base image's id, the
 * Dockerfile, each file's path, mode and bytes), so an image is rebuilt exactly when one of
 * them changed.
 *
 * @param repository the image's name without tag, such as {@code netscale/receiver-native}
 * @param files each file's path in the build context and where it comes from
 */
record ImageRecipe(String repository, Path dockerfile, List<ContextFile> files) {

    /** One file of the build context. */
    record ContextFile(String target, Path source) {
    }

    /** A recipe with every regular file under {@code dir} added below {@code target}. */
    ImageRecipe withTree(String target, Path dir) {
        List<ContextFile> all = new ArrayList<>(files);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> all.add(new ContextFile(
                    target + "/" + dir.relativize(p).toString().replace('\\', '/'), p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new ImageRecipe(repository, dockerfile, all);
    }

    /** The hash of every input, as 16 hex digits: the image's tag. */
    String inputsHash(String baseImageId) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            update(all, "base " + baseImageId);
            update(all, "dockerfile " + Files.readString(dockerfile));
            List<ContextFile> sorted = new ArrayList<>(files);
            sorted.sort(Comparator.comparing(ContextFile::target));
            for (ContextFile f : sorted) {
                update(all, "file " + f.target() + " " + (Files.isExecutable(f.source())
                        ? "x" : "-") + " " + sha256(f.source()));
            }
            return HexFormat.of().formatHex(all.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an input of " + repository + ": "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
