package dev.netscale.backend.docker;

import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.JvmLauncher;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.runtime.WasmerLauncher;
import dev.netscale.spec.Defaults;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import dev.netscale.spec.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which image runs which program, what goes into each image, and the command line inside it.
 * One image per runtime ({@code jvm} and {@code jvm-virtual} share one; {@code wasmer} has one
 * per compiler) and one sender image.
 */
final class Recipes {
    static final String RECEIVER = "/usr/local/bin/netscale-receiver";
    static final String SENDER = "/usr/local/bin/netscale-sender";
    static final String JAVA = "/opt/java/bin/java";
    static final String CLASSES = "/opt/netscale/classes";
    static final String WASMER = "/usr/local/bin/wasmer";
    static final String PRECOMPILED = "/opt/netscale/precompiled";
    static final String WASMER_CACHE = "/tmp/wasmer-cache";

    private final Artifacts artifacts;
    private final Path dockerfiles;
    private final Path jlinkCache;
    private WasmerLauncher wasmer;

    Recipes(Artifacts artifacts) {
        this.artifacts = artifacts;
        this.dockerfiles = artifacts.home().resolve("docker");
        this.jlinkCache = artifacts.home().resolve("build/docker/jvm-runtime");
    }

    /** The image a receiver runs in, as a short name: native, jvm, wasmer-cranelift, ... */
    static String imageKey(ReceiverSpec r) {
        return switch (r.runtime()) {
            case NATIVE -> "native";
            case JVM, JVM_VIRTUAL -> "jvm";
            case WASMER -> "wasmer-" + r.compiler().orElse(Defaults.WASMER_COMPILER);
        };
    }

    ImageRecipe sender() {
        return new ImageRecipe("netscale/sender", dockerfile("sender"), List.of(
                new ImageRecipe.ContextFile("netscale-sender",
                        Artifacts.require(artifacts.sender(), "the sender"))));
    }

    ImageRecipe receiver(ReceiverSpec r) {
        return switch (r.runtime()) {
            case NATIVE -> new ImageRecipe("netscale/receiver-native",
                    dockerfile("receiver-native"), List.of(new ImageRecipe.ContextFile(
                            "netscale-receiver", Artifacts.require(artifacts.nativeReceiver(),
                                    "the native receiver"))));
            case JVM, JVM_VIRTUAL -> new ImageRecipe("netscale/receiver-jvm",
                    dockerfile("receiver-jvm"), List.of())
                    .withTree("java", JlinkRuntime.ensure(jlinkCache))
                    .withTree("classes/dev/netscale/receiver", receiverClasses());
            case WASMER -> wasmerRecipe(r);
        };
    }

    /**
     * The pinned Wasmer and the module precompiled for the receiver's compiler. The launcher of
     * the local backend checks the version and compiles on the host, once; the image copies the
     * result, so that neither a build nor a trial compiles.
     */
    private ImageRecipe wasmerRecipe(ReceiverSpec r) {
        WasmerLauncher launcher = wasmer();
        launcher.prepare(r);
        Path precompiled = launcher.precompiled(r);
        return new ImageRecipe("netscale/receiver-" + imageKey(r), dockerfile("receiver-wasmer"),
                List.of(new ImageRecipe.ContextFile("wasmer", launcher.wasmer()),
                        new ImageRecipe.ContextFile("precompiled/" + precompiled.getFileName(),
                                precompiled)));
    }

    /** The receiver's command line inside its image. */
    List<String> receiverCommand(ReceiverSpec r, ReceiverArgs args) {
        return switch (r.runtime()) {
            case JVM, JVM_VIRTUAL -> new JvmLauncher(Path.of(JAVA), CLASSES).command(r, args);
            case WASMER -> inImage(r, wasmer().command(r, args));
            case NATIVE -> {
                List<String> cmd = new ArrayList<>(List.of(RECEIVER));
                cmd.addAll(args.toList());
                yield cmd;
            }
        };
    }

    /** The local backend's Wasmer command with the host's paths replaced by the image's. */
    private List<String> inImage(ReceiverSpec r, List<String> hostCommand) {
        WasmerLauncher launcher = wasmer();
        Path precompiled = launcher.precompiled(r);
        List<String> cmd = new ArrayList<>();
        for (String arg : hostCommand) {
            if (arg.equals(launcher.wasmer().toString())) {
                cmd.add(WASMER);
            } else if (arg.equals(launcher.trialCache().toString())) {
                cmd.add(WASMER_CACHE);
            } else if (arg.equals(precompiled.toString())) {
                cmd.add(PRECOMPILED + "/" + precompiled.getFileName());
            } else {
                cmd.add(arg);
            }
        }
        return cmd;
    }

    /** Whether the runtime writes files at run time and so needs a small tmpfs at /tmp. */
    static boolean needsTmp(ReceiverSpec r) {
        return r.runtime() != Runtime.NATIVE;
    }

    WasmerLauncher wasmer() {
        if (wasmer == null) {
            wasmer = WasmerLauncher.pinned(artifacts);
        }
        return wasmer;
    }

    private Path receiverClasses() {
        Path dir = artifacts.home().resolve("target/classes/dev/netscale/receiver");
        Artifacts.require(dir.resolve("JvmReceiver.class"), "the JVM receiver");
        return dir;
    }

    private Path dockerfile(String name) {
        Path p = dockerfiles.resolve(name + ".Dockerfile");
        if (!Files.isRegularFile(p)) {
            throw new RuntimeUnavailableException(p + " not found; run netscale from its"
                    + " project folder (or set NETSCALE_HOME)");
        }
        return p;
    }
}
