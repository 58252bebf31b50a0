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
NAME=jemalloc.sh
# shellcheck source=debian-apt.sh
source "$(dirname "$0")/debian-apt.sh"

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
  local dir=$CACHE/jemalloc_$SRC_VERSION
  fresh "$dir" || return 0
  fetch_source "$dir" jemalloc "$SRC_VERSION"
  debian_build "$dir/src" # built in place: the DWARF's source paths stay valid
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

main() {
  lock_cache
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
