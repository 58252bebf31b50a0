#!/usr/bin/env bash
# Provisions real jemalloc builds for the tests, from Debian's packages only:
#   - 5.3.0 from Debian's source package (bookworm, jemalloc=5.3.0-1), configured with Debian's
#     own options (debian/rules: --with-version=VERSION --with-lg-page=12 --with-lg-hugepage=21
#     --enable-prof, no symbol prefix) and dpkg-buildflags' CFLAGS, so it has DWARF (-g) and the
#     same code as Debian's stripped libjemalloc.so.2;
#   - Debian's stripped libjemalloc2 itself, installed by .ci/run (indexed here, not fetched);
#   - Debian's redis-server (a real jemalloc client), its .debs unpacked beside the cache with
#     liblzf1, never installed: the test runs it with LD_LIBRARY_PATH (redis-index.tsv).
# Everything lands under $MAZE_ALLOCATORS_CACHE (default ~/.cache/maze-allocators), one folder per
# package version, counted only once complete (a .done marker), so a second run is offline and
# fast. The system's apt state is never changed: a private apt config holds deb-src.
# Prints `name path build-id` per build and writes $CACHE/jemalloc-index.tsv and
# $CACHE/redis-index.tsv for the Java tests.
# Needs: apt-get, dpkg-dev (dpkg-source, dpkg-buildflags), make, gcc, readelf.
set -euo pipefail

CACHE=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}
SRC_VERSION=5.3.0-1
SYSTEM_LIB=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
APT_DIR=$CACHE/apt-jemalloc

die() { echo "jemalloc.sh: ERROR: $*" >&2; exit 1; }
log() { echo "jemalloc.sh: $*" >&2; }

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
EOF
  log "apt update (private config, archive $uri)"
  papt update -qq || die "apt-get update failed for the private config in $APT_DIR (archive $uri)"
}

papt() {
  apt-get -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$APT_DIR/sources" \
    -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache="$APT_DIR/cache" \
    -o Acquire::Languages=none -o APT::Sandbox::User=root "$@"
}

# Debian's configure options and compiler flags (debian/rules with dh_auto_configure); only the
# shared library is built (no docs, no tests): a few minutes on one core, once per version.
debian_build() {
  local src=$1 cf cppf ldf
  cf=$(cd "$src" && dpkg-buildflags --get CFLAGS) || die "dpkg-buildflags failed (dpkg-dev missing?)"
  cppf=$(cd "$src" && dpkg-buildflags --get CPPFLAGS)
  ldf=$(cd "$src" && dpkg-buildflags --get LDFLAGS)
  log "configure + make jemalloc $SRC_VERSION (-g, Debian's options)"
  (cd "$src" && CFLAGS="$cf" CPPFLAGS="$cppf" LDFLAGS="$ldf" ./configure --prefix=/usr \
      --libdir=/usr/lib/x86_64-linux-gnu --with-jemalloc-prefix= --with-version=VERSION \
      --with-lg-page=12 --with-lg-hugepage=21 --enable-prof >configure.log 2>&1) \
    || die "configure failed, see $src/configure.log"
  (cd "$src" && make -j2 lib/libjemalloc.so.2 >make.log 2>&1) || die "make failed, see $src/make.log"
}

provision_source() {
  local dir=$CACHE/jemalloc_$SRC_VERSION src
  [ -f "$dir/.done" ] && return 0
  apt_setup
  rm -rf "$dir" && mkdir -p "$dir"
  log "apt-get source jemalloc=$SRC_VERSION"
  (cd "$dir" && papt source -qq "jemalloc=$SRC_VERSION" >source.log 2>&1) \
    || die "apt-get source jemalloc=$SRC_VERSION failed: $(tail -3 "$dir/source.log")"
  src=$(find "$dir" -maxdepth 1 -type d -name 'jemalloc-*' | head -1)
  [ -n "$src" ] || die "apt-get source gave no jemalloc-* folder in $dir"
  # Built in place: the DWARF's source paths stay valid.
  mv "$src" "$dir/src"
  debian_build "$dir/src"
  touch "$dir/.done"
}

# redis-server from the system's own apt sources (whatever version they serve; the folder is keyed
# by it): `apt-get download` changes nothing on the system.
provision_redis() {
  local ver dir
  ver=$(apt-cache policy redis-server | awk '/Candidate:/ { print $2 }')
  [ -n "$ver" ] && [ "$ver" != "(none)" ] || die "apt knows no redis-server: run apt-get update"
  dir=$CACHE/redis_${ver//:/%3a}
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    log "apt-get download redis-server=$ver redis-tools=$ver liblzf1"
    (cd "$dir" && apt-get -o APT::Sandbox::User=root download -qq "redis-server=$ver" "redis-tools=$ver" liblzf1 >download.log 2>&1) \
      || die "apt-get download of redis-server $ver failed: $(tail -3 "$dir/download.log")"
    for d in "$dir"/*.deb; do dpkg -x "$d" "$dir/root" || die "dpkg -x $d failed"; done
    touch "$dir/.done"
  fi
  REDIS_VERSION=$ver REDIS_BIN=$dir/root/usr/bin/redis-server
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
  exec 9>"$CACHE/.jemalloc.lock"
  flock 9   # two runs at once would race on the same folders
  provision_source
  local index=$CACHE/jemalloc-index.tsv
  {
    printf '# name\tversion\tkind\tpath\tbuild-id\n'
    index_row jemalloc-5.3.0-debian-flags 5.3.0 debian-rebuild "$CACHE/jemalloc_$SRC_VERSION/src/lib/libjemalloc.so.2"
    [ -f "$SYSTEM_LIB" ] || die "$SYSTEM_LIB missing: install Debian's libjemalloc2 (.ci/run does)"
    index_row debian-5.3.0 5.3.0 debian-stripped "$SYSTEM_LIB"
  } >"$index.tmp"
  mv "$index.tmp" "$index"
  provision_redis
  {
    printf '# name\tversion\tkind\tpath\tbuild-id\n'
    index_row redis-server "$REDIS_VERSION" debian "$REDIS_BIN"
  } >"$CACHE/redis-index.tsv.tmp"
  mv "$CACHE/redis-index.tsv.tmp" "$CACHE/redis-index.tsv"
  awk -F'\t' '!/^#/ { print $1, $4, $5 }' "$index" "$CACHE/redis-index.tsv"
}

main "$@"
