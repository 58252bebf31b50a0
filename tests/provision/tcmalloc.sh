#!/usr/bin/env bash
# Provisions real gperftools tcmalloc builds for the tests, from Debian's packages only:
#   - libtcmalloc_minimal and libtcmalloc (the full one: sampler, heap profiler and checker) from
#     Debian's source package google-perftools 2.10-1, built with Debian's compiler flags
#     (-g -O2 ...) through the source's CMake files: DWARF for the walk, and the source of the
#     built-in layout tables for Debian's stripped libraries;
#   - Debian's stripped libtcmalloc-minimal4 and libgoogle-perftools4 2.10-1 (bookworm), unpacked;
#     the latter with libunwind8 beside it (its dependency), to LD_PRELOAD before it.
# Everything lands under $MAZE_ALLOCATORS_CACHE (default ~/.cache/maze-allocators), one folder per
# package version with a .done marker, so a second run is offline and fast. The system's apt
# state is never changed. Prints `name path build-id` per build and writes
# $CACHE/tcmalloc-index.tsv for the Java tests.
# Needs: apt-get, dpkg-dev (dpkg-source, dpkg-buildflags), cmake, make, g++, readelf.
set -euo pipefail

CACHE=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}
SRC_VERSION=2.10-1
UNWIND_VERSION=1.6.2-3
NAME=tcmalloc.sh
# shellcheck source=debian-apt.sh
source "$(dirname "$0")/debian-apt.sh"

# One library target (tcmalloc_minimal: profilers off; tcmalloc: heap profiler and checker on),
# without libunwind, the CPU profiler or static archives: under a minute each on two cores.
# Debian's flags, so the code is built the way Debian's binaries were. The 2.10 CMake files do
# not include ucontext.h for the frame-pointer stack walker used without libunwind: forced here.
build_target() {
  local src=$1 out=$2 target=$3 profilers=$4 flags
  export DEB_LDFLAGS_MAINT_APPEND=-Wl,--as-needed
  flags="$(cd "$src" && dpkg-buildflags --get CXXFLAGS) $(cd "$src" && dpkg-buildflags --get CPPFLAGS)" \
    || die "dpkg-buildflags failed (dpkg-dev missing?)"
  mkdir -p "$out"
  cmake -S "$src" -B "$out/build" -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="$flags -include ucontext.h" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$(cd "$src" && dpkg-buildflags --get LDFLAGS)" \
    -DBUILD_TESTING=OFF -DGPERFTOOLS_BUILD_STATIC=OFF -Dgperftools_enable_libunwind=OFF \
    -DGPERFTOOLS_BUILD_HEAP_CHECKER="$profilers" -DGPERFTOOLS_BUILD_HEAP_PROFILER="$profilers" \
    -DGPERFTOOLS_BUILD_CPU_PROFILER=OFF -DGPERFTOOLS_BUILD_DEBUGALLOC=OFF >"$out/cmake.log" 2>&1 \
    || die "cmake configure ($target) failed, see $out/cmake.log"
  cmake --build "$out/build" --target "$target" -j2 >>"$out/cmake.log" 2>&1 \
    || die "cmake build ($target) failed, see $out/cmake.log"
}

# The source folder counts with its .done marker, each build folder with its own.
provision_source() {
  local dir=$CACHE/google-perftools_$SRC_VERSION
  if fresh "$dir"; then
    fetch_source "$dir" google-perftools "$SRC_VERSION"
    touch "$dir/.done"
  fi
  build_once "$dir/src" "$dir/debian-flags" tcmalloc_minimal OFF
  build_once "$dir/src" "$dir/debian-flags-full" tcmalloc ON
}

build_once() {
  [ -f "$2/.done" ] && return 0
  rm -rf "$2"
  build_target "$@"
  touch "$2/.done"
}

# The library file (not a link) unpacked from PACKAGE=SRC_VERSION whose name matches GLOB.
debian_lib() {
  local so
  so=$(find "$CACHE/${1}_$SRC_VERSION/root" -name "$2" -type f | head -1)
  echo "${so:-$CACHE/${1}_$SRC_VERSION/missing-$2}"
}

main() {
  lock_cache   # two runs at once would race on the same folders
  provision_source
  provision_deb libtcmalloc-minimal4 "$SRC_VERSION"
  provision_deb libgoogle-perftools4 "$SRC_VERSION"
  provision_deb libunwind8 "$UNWIND_VERSION"
  # libtcmalloc.so.4 needs libunwind.so.8: the tests preload the one found beside it
  ln -sf "$(find "$CACHE/libunwind8_$UNWIND_VERSION/root" -name 'libunwind.so.8' | head -1)" \
    "$CACHE/libgoogle-perftools4_$SRC_VERSION/root/usr/lib/x86_64-linux-gnu/libunwind.so.8"
  local index=$CACHE/tcmalloc-index.tsv src=$CACHE/google-perftools_$SRC_VERSION
  {
    printf '# name\tversion\tkind\tpath\tbuild-id\n'
    index_row tcmalloc-minimal-2.10-dwarf 2.10 dwarf "$src/debian-flags/build/libtcmalloc_minimal.so"
    index_row tcmalloc-minimal-2.10-debian 2.10 debian-stripped \
      "$(debian_lib libtcmalloc-minimal4 'libtcmalloc_minimal.so.4.*')"
    index_row tcmalloc-full-2.10-dwarf 2.10 dwarf "$src/debian-flags-full/build/libtcmalloc.so"
    index_row tcmalloc-full-2.10-debian 2.10 debian-stripped "$(debian_lib libgoogle-perftools4 'libtcmalloc.so.4.*')"
  } >"$index.tmp"
  mv "$index.tmp" "$index"
  awk -F'\t' '!/^#/ { print $1, $4, $5 }' "$index"
}

main "$@"
