# Shared by the provisioning scripts (sourced, not run): a private apt config for Debian's
# suites and source packages, the version-keyed cache folders, and the index rows.
# The caller sets CACHE and NAME (its name in messages) before sourcing.
APT_DIR=$CACHE/apt

die() { echo "$NAME: ERROR: $*" >&2; exit 1; }
log() { echo "$NAME: $*" >&2; }

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
  cat >"$APT_DIR/sources/maze.sources" <<EOS
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
EOS
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

# One lock for every provisioning script: they share the apt folder.
lock_cache() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.provision.lock"
  flock 9
}

# A package version's folder counts only with its .done marker; anything else is redone from
# scratch. Work happens in place so that DWARF paths of the builds stay valid.
fresh() {
  [ -f "$1/.done" ] && return 1
  need_apt
  rm -rf "$1" && mkdir -p "$1"
}

# `apt-get source PKG=VER` into DIR/src (patches applied).
fetch_source() {
  local dir=$1 pkg=$2 ver=$3 src
  log "apt-get source $pkg=$ver"
  (cd "$dir" && papt source -qq "$pkg=$ver" >source.log 2>&1) \
    || die "apt-get source $pkg=$ver failed: $(tail -3 "$dir/source.log")"
  src=$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1)
  [ -n "$src" ] || die "apt-get source gave no source folder in $dir"
  mv "$src" "$dir/src"
}

# `apt-get download PKG=VER`, unpacked into CACHE/PKG_VER/root.
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
