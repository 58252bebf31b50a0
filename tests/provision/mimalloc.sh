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
APT_DIR=$CACHE/apt

die() { echo "mimalloc.sh: ERROR: $*" >&2; exit 1; }
log() { echo "mimalloc.sh: $*" >&2; }

# The private apt config points at the same archive as the system, read at run time, so the
# repository never names a registry host.
apt_setup() {
  local sys=/etc/apt/sources.list.d/debian.sources uri keyring
  [ -r "$sys" ] || die "$sys not found: cannot derive the Debian archive address"
  # First stanza whose Suites list a plain codename (not -security/-updates).
  read -r uri keyring < <(awk -v RS= '{
      u = ""; k = ""; plain = 0
      n = split($0, ln, "\n")
      for (i = 1; i <= n; i++) {
        f = ln[i]; key = f; sub(/:.*/, "", key); sub(/^[^:]*:[ \t]*/, "", f)
        if (key == "URIs") { split(f, w, " "); u = w[1] }
        if (key == "Signed-By") k = f
        if (key == "Suites") { m = split(f, s, " "); for (j = 1; j <= m; j++) if (s[j] !~ /-/) plain = 1 }
      }
      if (plain && u != "") { print u, k; exit }
    }' "$sys")
  [ -n "${uri:-}" ] || die "no archive URI found in $sys"
  mkdir -p "$APT_DIR/sources" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
  cat >"$APT_DIR/sources/maze.sources" <<EOF
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
${keyring:+Signed-By: $keyring}

Types: deb
URIs: $uri
Suites: bookworm trixie sid
Components: main
${keyring:+Signed-By: $keyring}
EOF
  log "apt update (private config, archive $uri)"
  papt update -qq || die "apt-get update failed for the private config in $APT_DIR (archive $uri)"
}

papt() {
  apt-get -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$APT_DIR/sources" \
    -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache="$APT_DIR/cache" \
    -o Acquire::Languages=none -o APT::Sandbox::User=root "$@"
}

# Lists are refreshed once per run that has something to fetch: pinned versions can leave a suite,
# and an old list would then fail with a less clear message.
APT_READY=
need_apt() { [ -n "$APT_READY" ] || { apt_setup; APT_READY=1; }; }

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

# A package version's folder counts only with its .done marker; anything else is redone from
# scratch. Work happens in place so that DWARF paths of the builds stay valid.
fresh() {
  [ -f "$1/.done" ] && return 1
  need_apt
  rm -rf "$1" && mkdir -p "$1"
}

provision_source() {
  local dir=$CACHE/mimalloc_$SRC_VERSION src
  fresh "$dir" || return 0
  log "apt-get source mimalloc=$SRC_VERSION"
  (cd "$dir" && papt source -qq "mimalloc=$SRC_VERSION" >source.log 2>&1) \
    || die "apt-get source mimalloc=$SRC_VERSION failed: $(tail -3 "$dir/source.log")"
  src=$(find "$dir" -maxdepth 1 -type d -name 'mimalloc-*' | head -1)
  [ -n "$src" ] || die "apt-get source gave no mimalloc-* folder in $dir"
  mv "$src" "$dir/src"
  cmake_build "$dir/src" Debug "$dir/debug"
  cmake_build "$dir/src" RelWithDebInfo "$dir/relwithdebinfo"
  debian_flags_build "$dir/src" "$dir/debian-flags"
  touch "$dir/.done"
}

provision_deb() {
  local pkg=$1 ver=$2 dir=$CACHE/${1}_$2
  fresh "$dir" || return 0
  log "apt-get download $pkg=$ver"
  (cd "$dir" && papt download -qq "$pkg=$ver" >download.log 2>&1) \
    || die "apt-get download $pkg=$ver failed: $(tail -3 "$dir/download.log")"
  dpkg -x "$dir"/*.deb "$dir/root" || die "dpkg -x of $pkg=$ver failed"
  touch "$dir/.done"
}

build_id() {
  readelf -n "$1" | awk '/Build ID:/ { print $3; exit }'
}

# One index row: name version kind path build-id (tab separated).
index_row() {
  local name=$1 ver=$2 kind=$3 so=$4 id
  [ -f "$so" ] || die "expected library missing: $so"
  id=$(build_id "$so")
  [ -n "$id" ] || die "no build-id in $so"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$ver" "$kind" "$so" "$id"
}

main() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.mimalloc.lock"
  flock 9   # two runs at once would race on the same folders
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
