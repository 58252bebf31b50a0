#!/usr/bin/env bash
# Provisions Debian's chromium package for the browser test of maze's HTML page (the page is
# rendered headless, screenshotted and its DOM dumped). Installed system-wide with the system's
# apt configuration (a browser cannot be unpacked beside the project: it needs its libraries
# installed too). Prints `chromium PATH VERSION`; a second run is offline and fast.
# Needs: root and apt-get (CI runs as root), after apt-get update.
set -euo pipefail

CACHE=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}
NAME=chromium.sh
# shellcheck source=debian-apt.sh
source "$(dirname "$0")/debian-apt.sh"

main() {
  lock_cache # one provisioning script at a time: apt holds its own lock, but says so less clearly
  if ! command -v chromium >/dev/null; then
    command -v apt-get >/dev/null || die "no chromium and no apt-get: install Debian's chromium package"
    [ "$(id -u)" = 0 ] || die "no chromium: run as root, or apt-get install chromium"
    log "apt-get install chromium"
    apt-get install -y -qq --no-install-recommends chromium >"$CACHE/chromium-install.log" 2>&1 \
      || die "apt-get install chromium failed: $(tail -3 "$CACHE/chromium-install.log")"
  fi
  local path version
  path=$(command -v chromium) || die "chromium installed but not on PATH"
  version=$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo unknown)
  echo "chromium $path $version"
}

main "$@"
