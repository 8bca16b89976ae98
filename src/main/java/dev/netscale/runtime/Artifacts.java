package dev.netscale.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the programs netscale runs. The home is the project folder: the
 * {@code netscale.home} system property (set by the {@code netscale} launcher script), else the
 * {@code NETSCALE_HOME} environment variable, else the current folder.
 */
public final class Artifacts {
    private final Path home;

    public Artifacts(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static Artifacts fromEnvironment() {
        String prop = System.getProperty("netscale.home");
        String env = System.getenv("NETSCALE_HOME");
        return new Artifacts(Path.of(prop != null ? prop : env != null ? env : "."));
    }

    public Path home() {
        return home;
    }

    public Path nativeReceiver() {
        return home.resolve("build/native/netscale-receiver");
    }

    public Path sender() {
        return home.resolve("build/native/netscale-sender");
    }

    public Path wasixReceiver() {
        return home.resolve("build/wasix/netscale-receiver.wasm");
    }

    /** The java launcher of the JVM running netscale, so that JVM receivers run on the same. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** This JVM's class path, which holds the JVM receiver. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * @throws RuntimeUnavailableException naming the file and the command that builds it
     */
    public static Path require(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new RuntimeUnavailableException(what + " not found at " + file
                    + "; build it with `make build` (or run `make experiment`, which builds it)");
        }
        return file;
    }
}
