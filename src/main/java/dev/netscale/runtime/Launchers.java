package dev.netscale.runtime;

import dev.netscale.spec.Runtime;
import java.util.EnumMap;
import java.util.Map;

/** The launcher for each runtime, for one project home. */
public final class Launchers {
    private final Map<Runtime, ReceiverLauncher> launchers = new EnumMap<>(Runtime.class);

    public Launchers(Artifacts artifacts) {
        launchers.put(Runtime.NATIVE, new NativeLauncher(artifacts));
        JvmLauncher jvm = JvmLauncher.current();
        launchers.put(Runtime.JVM, jvm);
        launchers.put(Runtime.JVM_VIRTUAL, jvm);
    }

    /**
     * @throws RuntimeUnavailableException for a runtime this build cannot start
     */
    public ReceiverLauncher forRuntime(Runtime runtime) {
        ReceiverLauncher l = launchers.get(runtime);
        if (l == null) {
            throw new RuntimeUnavailableException("runtime '" + runtime.id()
                    + "' is not supported by this build of netscale yet");
        }
        return l;
    }
}
