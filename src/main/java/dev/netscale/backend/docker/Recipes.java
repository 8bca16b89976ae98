package dev.netscale.backend.docker;

import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.JvmLauncher;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which image runs which program, what goes into each image, and the command line inside it.
 * One image per runtime ({@code jvm} and {@code jvm-virtual} share one) and one sender image.
 */
final class Recipes {
    static final String RECEIVER = "/usr/local/bin/netscale-receiver";
    static final String SENDER = "/usr/local/bin/netscale-sender";
    static final String JAVA = "/opt/java/bin/java";
    static final String CLASSES = "/opt/netscale/classes";

    private final Artifacts artifacts;
    private final Path dockerfiles;
    private final Path jlinkCache;

    Recipes(Artifacts artifacts) {
        this.artifacts = artifacts;
        this.dockerfiles = artifacts.home().resolve("docker");
        this.jlinkCache = artifacts.home().resolve("build/docker/jvm-runtime");
    }

    /** The image a receiver runs in, as a short name: native, jvm, ... */
    static String imageKey(ReceiverSpec r) {
        return switch (r.runtime()) {
            case NATIVE -> "native";
            case JVM, JVM_VIRTUAL -> "jvm";
            default -> throw new RuntimeUnavailableException("the docker backend has no image"
                    + " for runtime '" + r.runtime().id() + "' yet; run it with --backend local");
        };
    }

    ImageRecipe sender() {
        return new ImageRecipe("netscale/sender", dockerfile("sender"), List.of(
                new ImageRecipe.ContextFile("netscale-sender",
                        Artifacts.require(artifacts.sender(), "the sender"))));
    }

    ImageRecipe receiver(ReceiverSpec r) {
        String key = imageKey(r);
        return switch (key) {
            case "native" -> new ImageRecipe("netscale/receiver-native",
                    dockerfile("receiver-native"), List.of(new ImageRecipe.ContextFile(
                            "netscale-receiver", Artifacts.require(artifacts.nativeReceiver(),
                                    "the native receiver"))));
            case "jvm" -> new ImageRecipe("netscale/receiver-jvm", dockerfile("receiver-jvm"),
                    List.of()).withTree("java", JlinkRuntime.ensure(jlinkCache))
                    .withTree("classes/dev/netscale/receiver", receiverClasses());
            default -> throw new IllegalStateException(key);
        };
    }

    /** The receiver's command line inside its image. */
    static List<String> receiverCommand(ReceiverSpec r, ReceiverArgs args) {
        return switch (imageKey(r)) {
            case "jvm" -> new JvmLauncher(Path.of(JAVA), CLASSES).command(r, args);
            default -> {
                List<String> cmd = new ArrayList<>(List.of(RECEIVER));
                cmd.addAll(args.toList());
                yield cmd;
            }
        };
    }

    /** Whether the runtime writes files at run time and so needs a small tmpfs at /tmp. */
    static boolean needsTmp(ReceiverSpec r) {
        return imageKey(r).equals("jvm");
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
