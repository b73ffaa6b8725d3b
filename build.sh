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
packages=(csound libcsound64-dev libcsnd-dev gcc libc6-dev pulseaudio pulseaudio-utils alsa-utils python3-csound)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "build.sh: these Debian packages are missing: ${missing[*]}" >&2
    echo "Install them as root, then run ./build.sh $target again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "build.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"
