package dev.netscale.runtime;

import dev.netscale.spec.Runtime;
import java.util.EnumMap;
import java.util.Map;

/** The launcher for each runtime, for one project home; each made when first asked for. */
public final class Launchers {
    private final Artifacts artifacts;
    private final Map<Runtime, ReceiverLauncher> made = new EnumMap<>(Runtime.class);

    public Launchers(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    /**
     * @throws RuntimeUnavailableException for a runtime this build cannot start
     */
    public synchronized ReceiverLauncher forRuntime(Runtime runtime) {
        return made.computeIfAbsent(runtime, r -> switch (r) {
            case NATIVE -> new NativeLauncher(artifacts);
            case JVM, JVM_VIRTUAL -> JvmLauncher.current();
            case WASMER -> WasmerLauncher.pinned(artifacts);
        });
    }
}
