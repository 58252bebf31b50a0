#!/usr/bin/env bash
# Provisions real gperftools tcmalloc builds for the tests, from Debian's packages only:
#   - libtcmalloc_minimal from Debian's source package google-perftools 2.10-1, built with
#     Debian's compiler flags (-g -O2 ...) through the source's CMake files: DWARF for the walk,
#     and the source of the built-in layout table for Debian's stripped library;
#   - Debian's stripped libtcmalloc-minimal4 2.10-1 (bookworm), unpacked.
# Everything lands under $MAZE_ALLOCATORS_CACHE (default ~/.cache/maze-allocators), one folder per
# package version with a .done marker, so a second run is offline and fast. The system's apt
# state is never changed. Prints `name path build-id` per build and writes
# $CACHE/tcmalloc-index.tsv for the Java tests.
# Needs: apt-get, dpkg-dev (dpkg-source, dpkg-buildflags), cmake, make, g++, readelf.
set -euo pipefail

CACHE=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}
SRC_VERSION=2.10-1
NAME=tcmalloc.sh
# shellcheck source=debian-apt.sh
source "$(dirname "$0")/debian-apt.sh"

# Only the tcmalloc_minimal target, without profilers, libunwind or static archives: about a
# minute on two cores. Debian's flags, so the code is built the way Debian's binary was.
build_minimal() {
  local src=$1 out=$2 flags
  export DEB_LDFLAGS_MAINT_APPEND=-Wl,--as-needed
  flags="$(cd "$src" && dpkg-buildflags --get CXXFLAGS) $(cd "$src" && dpkg-buildflags --get CPPFLAGS)" \
    || die "dpkg-buildflags failed (dpkg-dev missing?)"
  mkdir -p "$out"
  cmake -S "$src" -B "$out/build" -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
    -DCMAKE_SHARED_LINKER_FLAGS="$(cd "$src" && dpkg-buildflags --get LDFLAGS)" \
    -DBUILD_TESTING=OFF -DGPERFTOOLS_BUILD_STATIC=OFF -Dgperftools_enable_libunwind=OFF \
    -DGPERFTOOLS_BUILD_HEAP_CHECKER=OFF -DGPERFTOOLS_BUILD_HEAP_PROFILER=OFF \
    -DGPERFTOOLS_BUILD_CPU_PROFILER=OFF -DGPERFTOOLS_BUILD_DEBUGALLOC=OFF >"$out/cmake.log" 2>&1 \
    || die "cmake configure failed, see $out/cmake.log"
  cmake --build "$out/build" --target tcmalloc_minimal -j2 >>"$out/cmake.log" 2>&1 \
    || die "cmake build failed, see $out/cmake.log"
}

provision_source() {
  local dir=$CACHE/google-perftools_$SRC_VERSION
  fresh "$dir" || return 0
  fetch_source "$dir" google-perftools "$SRC_VERSION"
  build_minimal "$dir/src" "$dir/debian-flags"
  touch "$dir/.done"
}

main() {
  lock_cache   # two runs at once would race on the same folders
  provision_source
  provision_deb libtcmalloc-minimal4 "$SRC_VERSION"
  local index=$CACHE/tcmalloc-index.tsv so
  so=$(find "$CACHE/libtcmalloc-minimal4_$SRC_VERSION/root" -name 'libtcmalloc_minimal.so.4.*' -type f | head -1)
  {
    printf '# name\tversion\tkind\tpath\tbuild-id\n'
    index_row tcmalloc-minimal-2.10-dwarf 2.10 dwarf \
      "$CACHE/google-perftools_$SRC_VERSION/debian-flags/build/libtcmalloc_minimal.so"
    index_row tcmalloc-minimal-2.10-debian 2.10 debian-stripped "${so:-missing libtcmalloc_minimal.so.4}"
  } >"$index.tmp"
  mv "$index.tmp" "$index"
  awk -F'\t' '!/^#/ { print $1, $4, $5 }' "$index"
}

main "$@"
