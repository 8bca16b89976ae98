#!/usr/bin/env bash
# Installs the pinned Wasmer once, outside the clone, and reuses it afterwards.
#
# Order: an existing install of the pinned version; the official installer
# (where get.wasmer.io is reachable); otherwise `cargo install wasmer-cli`
# from crates.io with the cranelift and singlepass compilers. Prints the
# path of the wasmer binary on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$here/versions.env"

root="${NETSCALE_CACHE:-$HOME/.cache/netscale}/wasmer/$WASMER_VERSION"
bin="$root/bin/wasmer"
info="$root/build-info.json"

if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$WASMER_VERSION"; then
    echo "$bin"
    exit 0
fi
mkdir -p "$root"
start=$(date +%s)

if command -v curl >/dev/null 2>&1 &&
   curl -fsSL --max-time 20 https://get.wasmer.io -o "$root/install.sh" 2>/dev/null; then
    echo "# wasmer: trying the official installer for v$WASMER_VERSION" >&2
    if WASMER_DIR="$root" sh "$root/install.sh" "v$WASMER_VERSION" >&2 &&
       [ -x "$bin" ]; then
        printf '{"version":"%s","source":"official installer","features":"release binary","profile":"release","rustc":"n/a","build_seconds":%d}\n' \
            "$WASMER_VERSION" "$(( $(date +%s) - start ))" > "$info"
        echo "$bin"
        exit 0
    fi
fi

echo "# wasmer: official installer unreachable; building wasmer-cli $WASMER_VERSION" \
     "from crates.io (features: $WASMER_FEATURES). This takes a while once." >&2
command -v cargo >/dev/null 2>&1 || {
    echo "wasmer: cargo is needed to build wasmer-cli; install Rust (https://rustup.rs)" >&2
    exit 1
}
cargo install wasmer-cli --version "=$WASMER_VERSION" --locked \
    --features "$WASMER_FEATURES" --root "$root" >&2
seconds=$(( $(date +%s) - start ))
printf '{"version":"%s","source":"cargo install wasmer-cli --locked","features":"default,%s","profile":"release","rustc":"%s","build_seconds":%d}\n' \
    "$WASMER_VERSION" "$WASMER_FEATURES" "$(rustc --version)" "$seconds" > "$info"
echo "# wasmer: built in ${seconds}s" >&2
echo "$bin"
