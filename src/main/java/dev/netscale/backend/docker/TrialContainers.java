package dev.netscale.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.WaitResponse;
import dev.netscale.spec.CpuSet;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The containers of one trial and the streams open to them: created with netscale's limits,
 * watched until they exit, their logs collected, and all of them removed on {@link #close()}.
 */
final class TrialContainers implements AutoCloseable {
    /** nobody:nogroup in Debian: containers never run as root. */
    static final String USER = "65534:65534";
    /** Enough for the JVM's perf data and Wasmer's home; code never runs from it. */
    static final String TMPFS = "rw,nosuid,nodev,noexec,size=64m";

    private static final long LOG_WAIT_SECONDS = 30;

    private final DockerClient docker;
    private final ContainerTracker tracker;
    private final int trial;
    private final long memoryBytes;
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final List<Closeable> streams = Collections.synchronizedList(new ArrayList<>());

    TrialContainers(DockerClient docker, ContainerTracker tracker, int trial, long memoryBytes) {
        this.docker = docker;
        this.tracker = tracker;
        this.trial = trial;
        this.memoryBytes = memoryBytes;
    }

    DockerClient docker() {
        return docker;
    }

    /**
     * Creates a container with netscale's limits: host networking, pinned CPUs, a memory limit
     * (swap included), a non-root user, a read-only root file system, no capabilities and no
     * new privileges; a tmpfs at /tmp for runtimes that write there; an open standard input for
     * a receiver.
     */
    String create(String image, List<String> cmd, BitSet cpus, String role, boolean tmp,
            boolean stdin) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("host")
                .withCpusetCpus(CpuSet.format(cpus))
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withReadonlyRootfs(true)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"));
        if (tmp) {
            host.withTmpFs(Map.of("/tmp", TMPFS));
        }
        String id = docker.createContainerCmd(image)
                .withName("netscale-" + tracker.runId() + "-t" + trial + "-" + role)
                .withLabels(tracker.labels(role.startsWith("sender") ? "sender" : role, trial))
                .withEntrypoint(cmd)
                .withUser(USER)
                .withAttachStdin(stdin).withStdinOpen(stdin).withStdInOnce(stdin)
                .withAttachStdout(true).withAttachStderr(true).withTty(false)
                .withHostConfig(host)
                .exec().getId();
        created.add(id);
        tracker.track(id);
        return id;
    }

    /** Keeps a stream to a container open until {@link #close()}. */
    <T extends Closeable> T keep(T stream) {
        streams.add(stream);
        return stream;
    }

    /** The container's exit status, once it exits; call after it started. */
    CompletableFuture<Integer> exitOf(String id) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        keep(docker.waitContainerCmd(id).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse w) {
                exit.complete(w.getStatusCode());
            }

            @Override
            public void onError(Throwable t) {
                // The container was removed while waited for: the trial says why.
                exit.completeExceptionally(t);
                closeQuietly(this);
            }

            @Override
            public void onComplete() {
                exit.completeExceptionally(new IllegalStateException("no exit status of " + id));
                super.onComplete();
            }
        }));
        return exit;
    }

    /** The host PID of the container's main process, while it runs. */
    Optional<Long> pid(String id) {
        Long pid = docker.inspectContainerCmd(id).exec().getState().getPidLong();
        return Optional.ofNullable(pid).filter(p -> p > 0);
    }

    /** Says so when a container died of SIGKILL: by Docker for its memory limit, or not. */
    String killedHow(String id, int code) {
        if (code != 137 || id == null) {
            return "";
        }
        try {
            Boolean oom = docker.inspectContainerCmd(id).exec().getState().getOOMKilled();
            return Boolean.TRUE.equals(oom) ? " (out of memory: the limit is "
                    + (memoryBytes >> 20) + "m; raise docker.memory)" : " (killed)";
        } catch (RuntimeException e) {
            return " (killed)";
        }
    }

    /** Writes a container's output so far to two files, standard output and error apart. */
    void writeLogs(String id, Path stdout, Path stderr) {
        try (OutputStream out = Files.newOutputStream(stdout);
                OutputStream err = Files.newOutputStream(stderr)) {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .withFollowStream(false).exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            try {
                                (f.getStreamType() == StreamType.STDERR ? err : out)
                                        .write(f.getPayload());
                            } catch (IOException e) {
                                onError(e);
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            // Gone already (removed on Ctrl-C): keep what was read.
                            closeQuietly(this);
                        }
                    }).awaitCompletion(LOG_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // A container that never started has no logs; the trial says what went wrong.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every stream and removes every container of the trial. */
    @Override
    public void close() {
        streams.forEach(TrialContainers::closeQuietly);
        tracker.removeAll(List.copyOf(created));
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Closing a stream of a container that is going away.
        }
    }
}
