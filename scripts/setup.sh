#!/usr/bin/env bash
# Installs what netscale's build and tests need on a Debian or Ubuntu host (as root), and
# says what it cannot install. Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have gcc || need+=(gcc)
have make || need+=(make)
have taskset || need+=(util-linux)
have mvn || need+=(maven)
have git || need+=(git)
have strace || need+=(strace)
have sockperf || need+=(sockperf)
have clang-19 || need+=(clang-19)
have wasm-ld-19 || need+=(lld-19)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: missing ${need[*]}; run as root: apt-get install -y ${need[*]}" >&2
        exit 1
    fi
    echo "# setup: installing ${need[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

if ! "$(dirname "$0")/find-jdk.sh" 22 >/dev/null; then
    exit 1
fi
echo "# setup: done"
