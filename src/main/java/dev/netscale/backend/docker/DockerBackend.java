package dev.netscale.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.netscale.backend.Backend;
import dev.netscale.backend.ProcessTracker;
import dev.netscale.backend.SyscallProfiling;
import dev.netscale.backend.TrialOutput;
import dev.netscale.plan.Trial;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.ReceiverArgs;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs receivers and senders in Docker containers: one image per runtime and one sender image,
 * built from {@code docker/} with the build's own programs (and a jlink runtime of the JDK that
 * runs netscale) and tagged by a hash of their inputs. Containers use the host's network, so all
 * traffic stays on loopback as with the local backend, and run with least privilege.
 */
public final class DockerBackend implements Backend, SyscallProfiling {
    private static final Logger log = LoggerFactory.getLogger(DockerBackend.class);

    private final Recipes recipes;
    private final String host;
    private final DockerClient docker;
    private final Images images;
    private final ContainerTracker containers;
    /** Host processes of traced trials: strace, attached to a container's process. */
    private final ProcessTracker hostProcesses = new ProcessTracker();
    private final Map<String, Images.Prepared> prepared = new LinkedHashMap<>();
    private Version version;
    private Consumer<Released> afterRelease = released -> { };

    public DockerBackend(Artifacts artifacts) {
        this(artifacts, DockerConnection.defaultHost());
    }

    /** @param host the daemon, such as {@code unix:///var/run/docker.sock} */
    DockerBackend(Artifacts artifacts, String host) {
        this.recipes = new Recipes(artifacts);
        this.host = host;
        this.docker = DockerConnection.open(host);
        this.images = new Images(docker, artifacts.home().resolve("build/docker/contexts"));
        this.containers = new ContainerTracker(docker, runId());
    }

    private static String runId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + ProcessHandle.current().pid();
    }

    @Override
    public String id() {
        return "docker";
    }

    /**
     * Checks that a daemon answers, removes containers left by a crashed run, and builds (or
     * reuses) the sender image and the image of every receiver of the plan.
     */
    @Override
    public void prepare(ExperimentSpec spec, List<Trial> trials) {
        version = DockerConnection.version(docker, host);
        containers.removeLeftovers();
        images.baseId();
        prepared.clear();
        prepared.put("sender", images.prepare(recipes.sender(), spec.timeouts().setup()));
        for (ReceiverSpec r : trials.stream().map(Trial::receiver).distinct().toList()) {
            String key = Recipes.imageKey(r);
            if (!prepared.containsKey(key)) {
                prepared.put(key, images.prepare(recipes.receiver(r), spec.timeouts().setup()));
            }
        }
        prepared.forEach((k, p) -> log.info("image {}: {} ({})", k, p.tag(),
                p.built() ? "built" : "up to date"));
    }

    @Override
    public TrialOutput run(ExperimentSpec spec, Trial trial, Path logs) {
        return run(spec, trial, logs, null);
    }

    /**
     * A trial whose receiver is traced from the host: {@code strace} attached to the
     * container's process by its host id, which needs root (or CAP_SYS_PTRACE) on the host.
     */
    @Override
    public TrialOutput runTraced(ExperimentSpec spec, Trial trial, Path logs) {
        return run(spec, trial, logs, hostProcesses);
    }

    private TrialOutput run(ExperimentSpec spec, Trial trial, Path logs,
            ProcessTracker tracer) {
        Images.Prepared receiver = prepared.get(Recipes.imageKey(trial.receiver()));
        Images.Prepared sender = prepared.get("sender");
        if (receiver == null || sender == null) {
            throw new IllegalStateException("prepare() was not called for " + trial);
        }
        List<String> cmd = recipes.receiverCommand(trial.receiver(),
                ReceiverArgs.of(spec, trial));
        TrialContainers trialContainers = new TrialContainers(docker, containers,
                trial.index(), spec.docker().memoryBytes());
        return new DockerTrial(trialContainers, spec, trial, logs, receiver.tag(), sender.tag(),
                afterRelease, tracer).run(cmd);
    }

    /** The images prepare() settled on, by short name (sender, native, jvm, ...). */
    Map<String, Images.Prepared> images() {
        return Map.copyOf(prepared);
    }

    ContainerTracker containers() {
        return containers;
    }

    DockerClient client() {
        return docker;
    }

    /** The containers of a trial whose measured phase was just released. */
    record Released(Trial trial, String receiver, List<String> senders) {
    }

    /**
     * For netscale's own tests: called once a trial's measured phase is released, so that a
     * test can look at the running containers, or make one die mid-trial as a real failure
     * would.
     */
    void afterRelease(Consumer<Released> hook) {
        this.afterRelease = hook;
    }

    @Override
    public Map<String, Object> describe(ExperimentSpec spec) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("backend", id());
        if (version == null) {
            version = DockerConnection.version(docker, host);
        }
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("host", host);
        daemon.put("version", version.getVersion());
        daemon.put("api_version", version.getApiVersion());
        daemon.put("kernel", version.getKernelVersion());
        try {
            Info info = docker.infoCmd().exec();
            daemon.put("storage_driver", info.getDriver());
            daemon.put("operating_system", info.getOperatingSystem());
        } catch (RuntimeException e) {
            daemon.put("info", "unavailable: " + DockerConnection.rootCause(e));
        }
        d.put("docker", daemon);
        d.put("base_image", Map.of("name", Images.BASE, "id", images.baseId(),
                "made_locally_by", images.baseMadeLocally() ? "scripts/docker-base-image.sh"
                        + " (debootstrap --variant=minbase)" : "no (pulled)"));
        Map<String, Object> imgs = new LinkedHashMap<>();
        prepared.forEach((k, p) -> imgs.put(k, Map.of("tag", p.tag(), "id", p.id(),
                "size_bytes", p.sizeBytes())));
        d.put("images", imgs);
        d.put("containers", Map.of("network", "host", "user", TrialContainers.USER,
                "read_only_rootfs", true, "tmpfs_tmp", TrialContainers.TMPFS, "cap_drop", "ALL",
                "security_opt", "no-new-privileges", "memory_bytes", spec.docker().memoryBytes()));
        for (ReceiverSpec r : spec.receivers()) {
            Map<String, Object> rd = new LinkedHashMap<>();
            rd.put("image", prepared.containsKey(Recipes.imageKey(r))
                    ? prepared.get(Recipes.imageKey(r)).tag() : "not prepared");
            switch (r.runtime()) {
                case JVM, JVM_VIRTUAL -> {
                    rd.put("java.version", System.getProperty("java.version"));
                    rd.put("jlink_from", System.getProperty("java.home"));
                    rd.put("modules", JlinkRuntime.MODULES);
                    rd.put("jvm-options", r.jvmOptions());
                }
                case WASMER -> {
                    Map<String, Object> w = recipes.wasmer().describe(r);
                    rd.put("wasmer.version", w.get("version"));
                    rd.put("compiler", w.get("compiler"));
                    rd.put("module_sha256_prefix", w.get("module_sha256_prefix"));
                    rd.put("precompiled_on_host", w.get("precompiled"));
                }
                default -> { }
            }
            d.put("receiver." + r.id(), rd);
        }
        return d;
    }

    @Override
    public void close() {
        hostProcesses.close();
        containers.close();
        try {
            docker.close();
        } catch (IOException e) {
            log.debug("closing the Docker client: {}", e.getMessage());
        }
    }
}
