#!/usr/bin/env bash
# One-command set-up and build entry point: ./build.sh <Target> [cake args]
# Installs what the project needs on Debian (only what is missing), restores the local .NET tools, then runs
# the Cake target from build.cake. Targets: Prerequisites, Generate, CheckGenerated, Build, Test, Demo, Bench.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-Build}"
[ $# -gt 0 ] && shift

# Csound 6.18 (runtime, headers, libcsnd6), gcc (its builtin headers let libclang parse csound.h),
# PulseAudio (user-mode daemon for the realtime dac tests), ALSA utilities and ctcsound for the benchmarks.
packages=(csound csound-utils libcsound64-dev libcsnd-dev gcc libc6-dev pulseaudio pulseaudio-utils alsa-utils python3-csound)
# Csound 7 has no package: with CSOUND7_SOURCE (a source tarball or folder) it is built into a cache prefix.
# The team's shared source snapshot next to the checkout is used when neither variable is set.
if [ -z "${CSOUND7_SOURCE:-}" ] && [ -z "${CSOUND7_ROOT:-}" ]; then
  for t in ../shared/deps/csound-7*.tar.xz; do [ -f "$t" ] && CSOUND7_SOURCE="$(cd "$(dirname "$t")" && pwd)/$(basename "$t")"; done
fi
if [ -n "${CSOUND7_SOURCE:-}" ] && [ -z "${CSOUND7_ROOT:-}" ]; then
  packages+=(cmake bison flex g++ pkg-config libsndfile1-dev libasound2-dev libpulse-dev libjack-jackd2-dev liblo-dev)
fi
# JACK on its dummy driver (device-list and realtime tests), without its recommended desktop tools.
lean=(jackd2)
missing=()
lean_missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for p in "${lean[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || lean_missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ ${#lean_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "build.sh: these Debian packages are missing: ${missing[*]} ${lean_missing[*]}" >&2
    echo "Install them as root, then run ./build.sh $target again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]} ${lean_missing[*]}" >&2
    exit 1
  fi
  echo "build.sh: installing ${missing[*]} ${lean_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then apt-get install -y -qq "${missing[@]}" >/dev/null; fi
  if [ ${#lean_missing[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${lean_missing[@]}" >/dev/null; fi
fi

if [ -n "${CSOUND7_SOURCE:-}" ] && [ -z "${CSOUND7_ROOT:-}" ]; then
  CSOUND7_ROOT=$(eng/csound7.sh "$CSOUND7_SOURCE")
  export CSOUND7_ROOT
  echo "build.sh: Csound 7 at $CSOUND7_ROOT"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET 10 SDK is missing (no 'dotnet' on PATH)." >&2
  echo "Install it: sudo apt-get install -y dotnet-sdk-10.0 (Microsoft's Debian feed), or see https://dot.net/download" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"
