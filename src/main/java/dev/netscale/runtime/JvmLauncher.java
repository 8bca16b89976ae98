package dev.netscale.runtime;

import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import dev.netscale.spec.Runtime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java receiver on the JVM that runs netscale, with one platform thread per connection
 * ({@code jvm}) or one virtual thread per connection ({@code jvm-virtual}). The JVM's own
 * ergonomics (GC, JIT threads) follow the receiver's CPU set, so they are left at their defaults
 * and recorded rather than tuned.
 */
public final class JvmLauncher implements ReceiverLauncher {
    public static final String MAIN_CLASS = "dev.netscale.receiver.JvmReceiver";

    private final Path java;
    private final String classPath;

    public JvmLauncher(Path java, String classPath) {
        this.java = java;
        this.classPath = classPath;
    }

    public static JvmLauncher current() {
        return new JvmLauncher(Artifacts.java(), Artifacts.classPath());
    }

    @Override
    public void prepare(ReceiverSpec receiver) {
        Artifacts.require(java, "the java launcher");
    }

    @Override
    public List<String> command(ReceiverSpec receiver, ReceiverArgs args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(receiver.jvmOptions());
        cmd.addAll(List.of("-cp", classPath, MAIN_CLASS, "--threads", threads(receiver)));
        cmd.addAll(args.toList());
        return cmd;
    }

    static String threads(ReceiverSpec receiver) {
        return receiver.runtime() == Runtime.JVM_VIRTUAL ? "virtual" : "platform";
    }

    @Override
    public Map<String, Object> describe(ReceiverSpec receiver) {
        return Map.of("java", java.toString(),
                "java.version", System.getProperty("java.version"),
                "java.vm.name", System.getProperty("java.vm.name"),
                "threads", threads(receiver),
                "jvm-options", receiver.jvmOptions());
    }
}
