#!/usr/bin/env bash
# Prints the home of a JDK whose feature version is at least $1 (default 22):
# JAVA_HOME first, then the JDKs under /usr/lib/jvm, newest first.
set -u
want=${1:-22}

version_of() {
    "$1/bin/javac" -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/'
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
    v=$(version_of "$JAVA_HOME")
    case "$v" in ''|*[!0-9]*) ;; *) [ "$v" -ge "$want" ] && { echo "$JAVA_HOME"; exit 0; } ;; esac
fi
candidates=()
for d in /usr/lib/jvm/*/; do candidates+=("${d%/}"); done
best=""; best_v=0
for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] && [ -x "$home/bin/jlink" ] || continue
    v=$(version_of "$home")
    case "$v" in ''|*[!0-9]*) continue ;; esac
    if [ "$v" -ge "$want" ] && [ "$v" -gt "$best_v" ]; then best=$home; best_v=$v; fi
done
if [ -z "$best" ]; then
    echo "netscale needs a JDK $want or newer (with javac and jlink); none found in" \
         "JAVA_HOME or /usr/lib/jvm. Install one, e.g. a Temurin JDK 22 or newer," \
         "or set JAVA_HOME." >&2
    exit 1
fi
echo "$best"
