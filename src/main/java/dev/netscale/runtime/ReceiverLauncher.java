package dev.netscale.runtime;

import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.List;
import java.util.Map;

/**
 * How one runtime starts the receiver. Backends add CPU pinning and process or container
 * handling around the command.
 */
public interface ReceiverLauncher {

    /**
     * Checks once per run that the runtime can start, doing any one-off work (such as compiling
     * a module) so that no trial pays for it.
     *
     * @throws RuntimeUnavailableException naming what to install or build
     */
    void prepare(ReceiverSpec receiver);

    /** The command line that starts the receiver with these arguments. */
    List<String> command(ReceiverSpec receiver, ReceiverArgs args);

    /** What to record about this runtime in environment.json (versions, flags). */
    Map<String, Object> describe(ReceiverSpec receiver);
}
