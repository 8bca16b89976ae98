package dev.netscale.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.netscale.backend.Interruption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers netscale created, removed by id: after each trial, on failure, and on Ctrl-C
 * through a shutdown hook. Every container carries labels that name the run and the process
 * that created it, so that containers left behind by a crashed run are found and removed at
 * the next start, while those of another netscale still running are left alone.
 */
final class ContainerTracker implements AutoCloseable {
    static final String LABEL = "dev.netscale";
    static final String RUN = "dev.netscale.run";
    static final String OWNER = "dev.netscale.owner";
    static final String ROLE = "dev.netscale.role";
    static final String TRIAL = "dev.netscale.trial";

    private static final Logger log = LoggerFactory.getLogger(ContainerTracker.class);

    private final DockerClient docker;
    private final String runId;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Thread hook = Interruption.hook("netscale-container-cleanup",
            this::removeAll);

    ContainerTracker(DockerClient docker, String runId) {
        this.docker = docker;
        this.runId = runId;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    String runId() {
        return runId;
    }

    /** The labels of a container of this run. */
    Map<String, String> labels(String role, int trial) {
        Map<String, String> l = new HashMap<>();
        l.put(LABEL, "1");
        l.put(RUN, runId);
        l.put(OWNER, owner(ProcessHandle.current()));
        l.put(ROLE, role);
        l.put(TRIAL, Integer.toString(trial));
        return l;
    }

    void track(String id) {
        live.add(id);
    }

    /** Removes a container, running or not; a container already gone is fine. */
    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // Already removed.
        } catch (ConflictException e) {
            // Already being removed: by the trial and the shutdown hook at once, on Ctrl-C.
            // The daemon finishes the removal whoever asked.
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                log.warn("cannot remove container {}: {}", id, DockerConnection.rootCause(e));
                return;
            }
        } catch (RuntimeException e) {
            log.warn("cannot remove container {}: {}", id, DockerConnection.rootCause(e));
            return;
        }
        live.remove(id);
    }

    /** Removes the given containers in parallel (each removal waits for the process to end). */
    void removeAll(List<String> ids) {
        if (ids.size() <= 1) {
            ids.forEach(this::remove);
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            ids.forEach(id -> pool.execute(() -> remove(id)));
        }
    }

    void removeAll() {
        removeAll(List.copyOf(live));
    }

    int liveCount() {
        return live.size();
    }

    /**
     * Removes netscale's containers whose creating process is gone (a crashed or killed run);
     * returns their ids.
     */
    List<String> removeLeftovers() {
        List<String> gone = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "1")).exec()) {
            String owner = c.getLabels() == null ? null : c.getLabels().get(OWNER);
            if (owner == null || !ownerAlive(owner)) {
                gone.add(c.getId());
            }
        }
        if (!gone.isEmpty()) {
            log.info("removing {} container(s) left behind by an earlier netscale run",
                    gone.size());
            removeAll(gone);
        }
        return gone;
    }

    /** The ids of this run's containers that Docker still lists. */
    List<String> listed() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RUN, runId)).exec().stream().map(Container::getId)
                .toList();
    }

    /** A process named by pid and start time, so that a reused pid is not taken for it. */
    static String owner(ProcessHandle p) {
        return p.pid() + "@" + p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static boolean ownerAlive(String owner) {
        int at = owner.indexOf('@');
        try {
            long pid = Long.parseLong(at < 0 ? owner : owner.substring(0, at));
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isPresent() && p.get().isAlive() && owner(p.get()).equals(owner);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }
}
