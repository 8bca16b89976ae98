package dev.netscale.backend;

import dev.netscale.backend.docker.DockerBackend;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.Launchers;
import dev.netscale.spec.ExperimentSpec;

/** Creates the backend a spec (or the command line) asks for. */
public final class Backends {
    private Backends() {
    }

    public static Backend create(ExperimentSpec.Backend id, Artifacts artifacts) {
        return switch (id) {
            case LOCAL -> new LocalBackend(artifacts, new Launchers(artifacts));
            case DOCKER -> new DockerBackend(artifacts);
        };
    }
}
