#!/usr/bin/env bash
# Makes sure the base image of netscale's Dockerfiles, debian:bookworm-slim, is in the local
# Docker daemon:
#   1. already there: nothing to do;
#   2. a registry answers: `docker pull`;
#   3. otherwise (no registry reachable, as on the CI machines): builds an image of the same
#      name locally with `debootstrap --variant=minbase bookworm` from the Debian mirror that
#      apt uses, and `docker import`, leaving out apt lists and caches, docs, man and info
#      pages. Needs root and debootstrap (installed from Debian if missing).
# The locally made image carries the label dev.netscale.base=debootstrap, so that a run's
# environment.json can tell it from the registry's. Prints the image id on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$here/versions.env"
image="debian:${DEBIAN_SUITE}-slim"

if docker image inspect "$image" >/dev/null 2>&1; then
    docker image inspect --format '{{.Id}}' "$image"
    exit 0
fi

echo "# docker-base-image: trying to pull $image" >&2
if timeout 60 docker pull -q "$image" >/dev/null 2>&1; then
    docker image inspect --format '{{.Id}}' "$image"
    exit 0
fi

echo "# docker-base-image: no registry reachable; building $image locally with" \
     "debootstrap --variant=minbase $DEBIAN_SUITE and docker import" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "docker-base-image: building the base image needs root: sudo $0" >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2
fi

# The mirror apt already uses (deb822 or one-line sources), else Debian's own.
mirror=$(grep -hs -m1 -E '^URIs: .*/debian/?$' /etc/apt/sources.list.d/*.sources |
         awk '{print $2}' || true)
if [ -z "$mirror" ]; then
    mirror=$(grep -hs -m1 -E '^deb .*/debian/? ' /etc/apt/sources.list | awk '{print $2}' ||
             true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

root=$(mktemp -d /tmp/netscale-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
start=$(date +%s)
debootstrap --variant=minbase "$DEBIAN_SUITE" "$root" "$mirror" >"$root.log" 2>&1 || {
    echo "docker-base-image: debootstrap failed; last lines of $root.log:" >&2
    tail -n 20 "$root.log" >&2
    exit 1
}
rm -f "$root.log"
tar -C "$root" -c \
    --exclude=./var/lib/apt/lists/* --exclude=./var/cache/apt/* \
    --exclude=./usr/share/doc/* --exclude=./usr/share/man/* --exclude=./usr/share/info/* \
    --exclude=./var/log/* --exclude=./tmp/* --exclude=./proc/* --exclude=./sys/* \
    --exclude=./dev/* . |
    docker import --change 'CMD ["bash"]' \
        --change 'LABEL dev.netscale.base=debootstrap' \
        --message "debootstrap --variant=minbase $DEBIAN_SUITE $mirror" - "$image" >/dev/null
echo "# docker-base-image: $image built locally in $(( $(date +%s) - start ))s" >&2
docker image inspect --format '{{.Id}}' "$image"
