package dev.netscale.runtime;

import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The C receiver built with gcc and POSIX threads. */
public final class NativeLauncher implements ReceiverLauncher {
    private final Artifacts artifacts;

    public NativeLauncher(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void prepare(ReceiverSpec receiver) {
        Artifacts.require(artifacts.nativeReceiver(), "the native receiver");
    }

    @Override
    public List<String> command(ReceiverSpec receiver, ReceiverArgs args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(artifacts.nativeReceiver().toString());
        cmd.addAll(args.toList());
        return cmd;
    }

    @Override
    public Map<String, Object> describe(ReceiverSpec receiver) {
        return Map.of("binary", artifacts.nativeReceiver().toString());
    }
}
