package dev.netscale.backend.docker;

import dev.netscale.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java runtime for the JVM receiver's image, made with jlink from the JDK that runs netscale
 * (the one the local backend's JVM receivers run on), so that local and Docker runs measure the
 * same JVM. It is made once per JDK and kept under the build folder, which saves jlink's few
 * seconds on later runs; jlink's output (CDS archive included) was seen to be byte-for-byte the
 * same from run to run, so a clean checkout makes the same image inputs and reuses the image.
 */
final class JlinkRuntime {
    /** What the receiver needs: dev.netscale.receiver uses java.base only (checked by jdeps). */
    static final String MODULES = "java.base";

    private JlinkRuntime() {
    }

    /**
     * The runtime folder for this JDK, made if missing.
     *
     * @throws RuntimeUnavailableException when this JDK has no jlink or jlink fails
     */
    static Path ensure(Path cacheRoot) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jlink = javaHome.resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new RuntimeUnavailableException("the JVM running netscale (" + javaHome
                    + ") has no jlink, which the docker backend needs to package the JVM"
                    + " receiver; run netscale on a JDK 22 or newer (scripts/find-jdk.sh finds"
                    + " one)");
        }
        Path dir = cacheRoot.resolve("jdk-" + System.getProperty("java.runtime.version")
                .replaceAll("[^A-Za-z0-9._-]", "_") + "-" + key(javaHome));
        if (Files.isRegularFile(dir.resolve("release"))) {
            return dir;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Images.deleteTree(tmp);
        List<String> cmd = List.of(jlink.toString(), "--add-modules", MODULES,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive", "--output", tmp.toString());
        try {
            Files.createDirectories(cacheRoot);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // jlink warns about classes outside java.base while it makes the CDS archive;
            // its output is shown only when it fails.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new RuntimeUnavailableException("jlink failed (" + String.join(" ", cmd)
                        + "): " + lastLines(out));
            }
            try {
                Files.move(tmp, dir);
            } catch (IOException e) {
                // Another run made the same runtime at the same time: use theirs.
                Images.deleteTree(tmp);
            }
            return dir;
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot run " + jlink + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("interrupted while running jlink");
        }
    }

    /** Identifies a JDK by its path and its release file, which names its exact build. */
    private static String key(Path javaHome) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((javaHome + "\n" + MODULES + "\n").getBytes(StandardCharsets.UTF_8));
            Path release = javaHome.resolve("release");
            if (Files.isRegularFile(release)) {
                d.update(Files.readAllBytes(release));
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot identify the JDK at " + javaHome, e);
        }
    }

    private static String lastLines(String out) {
        List<String> lines = out.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
