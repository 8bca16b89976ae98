package dev.netscale.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The receiver runtimes netscale knows, by the ids used in specs. */
public enum Runtime {
    NATIVE("native"),
    WASMER("wasmer"),
    JVM("jvm"),
    JVM_VIRTUAL("jvm-virtual");

    private final String id;

    Runtime(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Runtime> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values()).map(Runtime::id).collect(Collectors.joining(", "));
    }
}
