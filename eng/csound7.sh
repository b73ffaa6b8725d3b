#!/usr/bin/env bash
# Builds Csound 7 from a source tarball or folder into a cache prefix outside the repository and prints the prefix.
# Usage: eng/csound7.sh <tarball-or-folder>   (build.sh calls it when CSOUND7_SOURCE is set)
# The prefix is reused when it already holds a library built from the same source name.
set -euo pipefail
src="$1"
cache="${CSOUNDBINDINGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/csoundbindings}"
name=$(basename "$src"); name="${name%.tar.xz}"; name="${name%.tar.gz}"
prefix="$cache/$name"
if [ -e "$prefix/lib/libcsound64.so" ] && [ -e "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$src" ]; then
  tree="$src"
else
  tar xf "$src" -C "$work"
  tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)
fi
mkdir -p "$work/build" "$cache"
echo "csound7.sh: building Csound 7 from $src into $prefix (about a minute on 2 cores)" >&2
(
  cd "$work/build"
  cmake "$tree" -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release -DUSE_CURL=OFF -DUSE_GETTEXT=OFF \
    -DBUILD_TESTS=OFF -DUSE_GIT_COMMIT=OFF -DBUILD_UTILITIES=OFF -DUSE_MP3=OFF -DINSTALL_PYTHON_INTERFACE=OFF >cmake.log 2>&1 \
    || { tail -40 cmake.log >&2; exit 1; }
  make -j"$(nproc)" >make.log 2>&1 || { tail -60 make.log >&2; exit 1; }
  make install >install.log 2>&1 || { tail -40 install.log >&2; exit 1; }
) >&2
touch "$prefix/.complete"
echo "$prefix"
