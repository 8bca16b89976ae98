package dev.netscale.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netscale.env.Environment;
import dev.netscale.spec.Defaults;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The C receiver built as a WASIX module, run by the pinned Wasmer. The module is compiled
 * once per compiler (and per module and Wasmer version) into a precompiled artifact that every
 * trial loads; trials run with an empty, private cache folder, so a trial that compiled
 * anything would leave files there (the tests check that none does).
 */
public final class WasmerLauncher implements ReceiverLauncher {
    private final Artifacts artifacts;
    private final Path wasmer;
    private final String version;
    private final Path trialCache;

    public WasmerLauncher(Artifacts artifacts, Path wasmer, String version) {
        this.artifacts = artifacts;
        this.wasmer = wasmer;
        this.version = version;
        this.trialCache = artifacts.home().resolve("build/wasix/trial-cache");
    }

    /** The pinned Wasmer where scripts/install-wasmer.sh puts it, or NETSCALE_WASMER. */
    public static WasmerLauncher pinned(Artifacts artifacts) {
        String version = PinnedVersions.read(artifacts.home()).wasmer();
        String override = System.getenv("NETSCALE_WASMER");
        Path bin = override != null ? Path.of(override) : installRoot(version).resolve("bin/wasmer");
        return new WasmerLauncher(artifacts, bin, version);
    }

    /** Where scripts/install-wasmer.sh installs a version: outside any clone, reused by all. */
    public static Path installRoot(String version) {
        String cache = System.getenv("NETSCALE_CACHE");
        Path root = cache != null ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "netscale");
        return root.resolve("wasmer").resolve(version);
    }

    public Path wasmer() {
        return wasmer;
    }

    /** The folder trials use as Wasmer's cache; it stays empty unless a trial compiles. */
    public Path trialCache() {
        return trialCache;
    }

    @Override
    public void prepare(ReceiverSpec receiver) {
        String found = Environment.firstLine(wasmer.toString(), "--version").orElse("");
        if (!found.contains(version)) {
            throw new RuntimeUnavailableException("Wasmer " + version + " not found at "
                    + wasmer + (found.isEmpty() ? "" : " (found '" + found + "')")
                    + "; install it with `make wasmer` (scripts/install-wasmer.sh, which builds"
                    + " wasmer-cli from crates.io when the official installer is unreachable)");
        }
        Artifacts.require(artifacts.wasixReceiver(), "the WASIX receiver module");
        Path artifact = precompiled(receiver);
        if (!Files.isRegularFile(artifact)) {
            compile(compiler(receiver), artifact);
        }
        try {
            Files.createDirectories(trialCache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + trialCache, e);
        }
    }

    /**
     * Validates the module, then compiles it with the receiver's compiler. A compiler that
     * cannot handle the threaded module is refused, never silently replaced by another.
     */
    private void compile(String compiler, Path artifact) {
        Path module = artifacts.wasixReceiver();
        String invalid = wasmer("validate", module.toString());
        if (invalid != null) {
            throw new RuntimeUnavailableException(module + " is not a WebAssembly module Wasmer"
                    + " accepts (" + invalid + "); rebuild it with `make wasix` (clang-19,"
                    + " target wasm32-wasi)");
        }
        Path tmp = artifact.resolveSibling(artifact.getFileName() + ".tmp");
        try {
            Files.createDirectories(artifact.getParent());
            String failed = wasmer("compile", "--" + compiler, "-q", module.toString(), "-o",
                    tmp.toString());
            if (failed != null || !Files.isRegularFile(tmp)) {
                throw new RuntimeUnavailableException("Wasmer's " + compiler + " compiler cannot"
                        + " compile the threaded WASIX receiver (" + failed + "); choose the"
                        + " other compiler in the spec (cranelift or singlepass)");
            }
            Files.move(tmp, artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + artifact, e);
        }
    }

    /** Runs a wasmer subcommand; null when it succeeded, else what it said. */
    private String wasmer(String... args) {
        List<String> cmd = new ArrayList<>(List.of(wasmer.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(Defaults.SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish within " + Defaults.SETUP_TIMEOUT.toSeconds() + " s";
            }
            return p.exitValue() == 0 ? null : "`wasmer " + args[0] + "` exited with "
                    + p.exitValue() + ": " + out.replace('\n', ' ');
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot run " + wasmer + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("interrupted while running " + cmd);
        }
    }

    /** The precompiled artifact for this receiver's compiler, module and Wasmer version. */
    public Path precompiled(ReceiverSpec receiver) {
        return artifacts.home().resolve("build/wasix/precompiled").resolve(
                "netscale-receiver." + compiler(receiver) + "." + version + "."
                        + moduleHash() + ".wasmu");
    }

    private static String compiler(ReceiverSpec receiver) {
        return receiver.compiler().orElse(Defaults.WASMER_COMPILER);
    }

    private String moduleHash() {
        try {
            byte[] bytes = Files.readAllBytes(artifacts.wasixReceiver());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot read " + artifacts.wasixReceiver()
                    + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> command(ReceiverSpec receiver, ReceiverArgs args) {
        List<String> cmd = new ArrayList<>(List.of(wasmer.toString(), "run", "--net",
                "--cache-dir", trialCache.toString(), precompiled(receiver).toString(), "--"));
        cmd.addAll(args.toList());
        return cmd;
    }

    @Override
    public Map<String, Object> describe(ReceiverSpec receiver) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("wasmer", wasmer.toString());
        d.put("version", Environment.firstLine(wasmer.toString(), "--version").orElse("?"));
        d.put("compiler", compiler(receiver));
        d.put("module", artifacts.wasixReceiver().toString());
        d.put("module_sha256_prefix", moduleHash());
        d.put("precompiled", precompiled(receiver).toString());
        Path info = wasmer.getParent().getParent().resolve("build-info.json");
        if (Files.isRegularFile(info)) {
            try {
                d.put("build", new ObjectMapper().readValue(info.toFile(), Map.class));
            } catch (IOException e) {
                d.put("build", "unreadable: " + e.getMessage());
            }
        }
        return d;
    }
}
