#!/usr/bin/env bash
# Makes a Docker daemon answer for netscale's docker backend, doing as little as needed:
#   - a daemon already answers: nothing to do;
#   - docker or dockerd missing: installs Debian's docker.io (as root);
#   - no daemon answers: starts `dockerd --bridge=none --iptables=false` in the background,
#     logging to $NETSCALE_DOCKERD_LOG (default /var/log/netscale-dockerd.log), and waits
#     until `docker info` answers, at most $NETSCALE_DOCKERD_WAIT seconds (default 60).
# Containers of netscale use host networking, so the daemon needs no bridge and no iptables
# rules. Prints the daemon's version on its last line.
set -euo pipefail

log=${NETSCALE_DOCKERD_LOG:-/var/log/netscale-dockerd.log}
wait_s=${NETSCALE_DOCKERD_WAIT:-60}

answers() { docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }
have() { command -v "$1" >/dev/null 2>&1; }

if have docker && answers; then
    docker info --format '{{.ServerVersion}}'
    exit 0
fi

if ! have docker || ! have dockerd; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "docker-daemon: docker.io is not installed; as root: apt-get install -y docker.io" >&2
        exit 1
    fi
    echo "# docker-daemon: installing docker.io" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >&2
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "docker-daemon: no Docker daemon answers and starting one needs root:" \
         "sudo $0" >&2
    exit 1
fi

echo "# docker-daemon: starting dockerd --bridge=none --iptables=false (log: $log)" >&2
mkdir -p "$(dirname "$log")"
# A daemon that was killed leaves its pid file; dockerd refuses to start while the pid in it
# names a running process, which after a reboot or a kill may be any other program.
pidfile=/var/run/docker.pid
if [ -f "$pidfile" ]; then
    old=$(cat "$pidfile" 2>/dev/null || true)
    if [ -z "$old" ] || [ "$(cat "/proc/$old/comm" 2>/dev/null)" != dockerd ]; then
        rm -f "$pidfile"
    fi
fi
# setsid: the daemon outlives this script and the shell that ran it.
setsid dockerd --bridge=none --iptables=false >>"$log" 2>&1 </dev/null &
pid=$!
for _ in $(seq 1 "$wait_s"); do
    if answers; then
        echo "# docker-daemon: dockerd (pid $pid) answers" >&2
        docker info --format '{{.ServerVersion}}'
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "docker-daemon: dockerd exited; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    sleep 1
done
echo "docker-daemon: dockerd (pid $pid) did not answer within ${wait_s}s; see $log" >&2
exit 1
