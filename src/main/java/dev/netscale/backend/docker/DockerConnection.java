package dev.netscale.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.netscale.runtime.RuntimeUnavailableException;
import java.time.Duration;

/**
 * The Docker daemon the environment names ({@code DOCKER_HOST}, else the local socket), reached
 * through docker-java with the httpclient5 transport.
 */
final class DockerConnection {
    static final String HOW_TO_START = "start one with `make docker-daemon` (as root: it runs"
            + " scripts/docker-daemon.sh, which installs docker.io if needed and starts dockerd"
            + " --bridge=none --iptables=false), or run with --backend local";

    /**
     * Attach, wait and log streams each hold a connection for a whole trial: one per sender
     * container and a few for the receiver.
     */
    private static final int MAX_CONNECTIONS = 512;

    private DockerConnection() {
    }

    /** A client; it connects on its first command. */
    static DockerClient open() {
        return open(defaultHost());
    }

    /** The daemon the environment names: DOCKER_HOST, else the local socket. */
    static String defaultHost() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost()
                .toString();
    }

    /** A client of the daemon at {@code host}, such as {@code unix:///var/run/docker.sock}. */
    static DockerClient open(String host) {
        return open(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                .build());
    }

    private static DockerClient open(DockerClientConfig config) {
        // httpclient5 retries a refused connection once and says so at INFO; without a daemon
        // that line would precede netscale's own message about it (slf4j-simple reads this
        // when the logger is made, on first use of the client).
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log."
                + "org.apache.hc.client5.http.impl.classic.HttpRequestRetryExec", "warn");
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /**
     * Asks the daemon for its version, which also proves that it answers.
     *
     * @throws RuntimeUnavailableException naming how to start a daemon
     */
    static Version version(DockerClient docker, String host) {
        try {
            docker.pingCmd().exec();
            return docker.versionCmd().exec();
        } catch (RuntimeException e) {
            throw new RuntimeUnavailableException("no Docker daemon answers at " + host + " ("
                    + rootCause(e) + "); " + HOW_TO_START);
        }
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
