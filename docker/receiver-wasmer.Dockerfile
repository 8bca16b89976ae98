# The WASIX receiver (runtime `wasmer`): the pinned Wasmer and the module it precompiled for
# the spec's compiler, so that no trial compiles anything. The root file system is read-only:
# Wasmer's home and its (unused) cache live under /tmp, a small tmpfs in netscale's containers.
FROM debian:bookworm-slim
COPY wasmer /usr/local/bin/wasmer
COPY precompiled/ /opt/netscale/precompiled/
ENV WASMER_DIR=/tmp/wasmer HOME=/tmp
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/wasmer", "run", "--net", "--cache-dir", "/tmp/wasmer-cache"]
