#!/usr/bin/env bash
# Provisions real mimalloc builds for the tests, from Debian's packages only:
#   - 2.0.9 from Debian's source package, built Debug, RelWithDebInfo (DWARF), and RelWithDebInfo
#     with Debian's own flags (a DWARF twin of Debian's stripped 2.0.9);
#   - Debian's stripped release libraries 2.0.9 (bookworm), 3.0.1 (trixie), 3.6.0 (sid).
# Everything lands under $MAZE_ALLOCATORS_CACHE (default ~/.cache/maze-allocators), one folder per
# package version, counted only once complete (a .done marker), so a second run is offline and fast. The system's
# apt state is never changed: a private apt config holds the extra suites and deb-src.
# Prints `name path build-id` per build and writes $CACHE/mimalloc-index.tsv for the Java tests.
# Needs: apt-get, dpkg-dev (dpkg-source), cmake, make, gcc, readelf.
set -euo pipefail

CACHE=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}
SRC_VERSION=2.0.9+ds-2
# name|package|version|suite: the suite is only documentation; apt picks the version.
DEBS=(
  "debian-2.0.9|libmimalloc2.0|2.0.9+ds-2|bookworm"
  "debian-3.0.1|libmimalloc3|3.0.1+ds-2.1|trixie"
  "debian-3.6.0|libmimalloc3|3.6.0+ds-1|sid"
)
NAME=mimalloc.sh
# shellcheck source=debian-apt.sh
source "$(dirname "$0")/debian-apt.sh"

# Builds one CMake configuration of the library target only (no tests, no static/object libs).
cmake_build() {
  local src=$1 type=$2 out=$3 opts=("${@:4}")
  grep -q MI_OPT_ARCH "$src/CMakeLists.txt" && opts+=(-DMI_OPT_ARCH=OFF)
  mkdir -p "$out"
  cmake -S "$src" -B "$out/build" -DCMAKE_BUILD_TYPE="$type" -DMI_BUILD_TESTS=OFF \
    -DMI_BUILD_STATIC=OFF -DMI_BUILD_OBJECT=OFF "${opts[@]}" >"$out/cmake.log" 2>&1 \
    || die "cmake configure ($type) failed, see $out/cmake.log"
  cmake --build "$out/build" --target mimalloc -j2 >>"$out/cmake.log" 2>&1 \
    || die "cmake build ($type) failed, see $out/cmake.log"
}

# Debian's own flags (debian/rules: hardening=+all, RelWithDebInfo). With the same gcc this
# rebuild has the same code and data bytes as Debian's stripped binary, so its DWARF and .symtab
# describe that binary (ProvisionTest checks the bytes).
debian_flags_build() {
  local src=$1 out=$2 cf cppf ldf
  export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CFLAGS_MAINT_APPEND="-Wall -pedantic"
  cf=$(cd "$src" && dpkg-buildflags --get CFLAGS) || die "dpkg-buildflags failed (dpkg-dev missing?)"
  cppf=$(cd "$src" && dpkg-buildflags --get CPPFLAGS)
  ldf=$(cd "$src" && dpkg-buildflags --get LDFLAGS)
  cmake_build "$src" RelWithDebInfo "$out" -DMI_INSTALL_TOPLEVEL=ON -DMI_USE_LIBATOMIC=OFF \
    -DCMAKE_C_FLAGS="$cf $cppf" -DCMAKE_SHARED_LINKER_FLAGS="$ldf"
}

provision_source() {
  local dir=$CACHE/mimalloc_$SRC_VERSION
  fresh "$dir" || return 0
  fetch_source "$dir" mimalloc "$SRC_VERSION"
  cmake_build "$dir/src" Debug "$dir/debug"
  cmake_build "$dir/src" RelWithDebInfo "$dir/relwithdebinfo"
  debian_flags_build "$dir/src" "$dir/debian-flags"
  touch "$dir/.done"
}

main() {
  lock_cache   # two runs at once would race on the same folders
  provision_source
  local entry name pkg ver suite
  for entry in "${DEBS[@]}"; do
    IFS='|' read -r name pkg ver suite <<<"$entry"
    provision_deb "$pkg" "$ver"
  done
  local src=$CACHE/mimalloc_$SRC_VERSION index=$CACHE/mimalloc-index.tsv
  {
    printf '# name\tversion\tkind\tpath\tbuild-id\n'
    index_row mimalloc-2.0.9-debug 2.0.9 debug "$src/debug/build/libmimalloc-debug.so.2.0"
    index_row mimalloc-2.0.9-relwithdebinfo 2.0.9 relwithdebinfo "$src/relwithdebinfo/build/libmimalloc.so.2.0"
    index_row mimalloc-2.0.9-debian-flags 2.0.9 debian-rebuild "$src/debian-flags/build/libmimalloc.so.2.0"
    for entry in "${DEBS[@]}"; do
      IFS='|' read -r name pkg ver suite <<<"$entry"
      local so
      so=$(find "$CACHE/${pkg}_$ver/root" -name 'libmimalloc.so.*' -type f | head -1)
      index_row "$name" "${ver%%+*}" debian-stripped "${so:-$CACHE/${pkg}_$ver/root/libmimalloc.so}"
    done
  } >"$index.tmp"
  mv "$index.tmp" "$index"
  awk -F'\t' '!/^#/ { print $1, $4, $5 }' "$index"
}

main "$@"
