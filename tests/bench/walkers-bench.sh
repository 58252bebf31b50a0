#!/usr/bin/env bash
# Benchmark of parallel heap walks (issue 17; prints figures, not a test):
#   tests/bench/walkers-bench.sh [mi2] [mi3] [glibc]      (default: mi2 mi3)
#   REPS=5 ... (warm runs per setting, default 3);  BLOCKS=N (per thread, default 2500000)
# For each allocator, one core of `many_blocks 4 BLOCKS 0 dense` (4 threads, 10 million live blocks of
# 24-1000 bytes by default): mi2 and mi3 LD_PRELOAD the provisioned mimalloc 2.x relwithdebinfo build
# and Debian's 3.0.1 (tests/provision/mimalloc.sh), glibc is the system's malloc. Then, interleaved in
# the same run, warm `bin/maze analyze` (layout cache filled by a cold run, gdb made unavailable,
# -Xmx256m) with -Dmaze.walkers=1, with the default (nproc - 1 walkers) and with -Dmaze.walkers=4;
# each line gives wall and CPU seconds and peak RssAnon/RssFile (tests/bench/measure.sh), then best and
# median per setting. Last, `maze blocks` with 1 and 4 walkers, whose listings must be byte-identical
# (their sha256 is printed). The core is deleted after its figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
reps=${REPS:-3}
blocks=${BLOCKS:-2500000}
kinds=("$@")
((${#kinds[@]})) || kinds=(mi2 mi3)
[[ -f target/maze.jar && -x target/fixtures/many_blocks ]] || mvn -q -B package -DskipTests
work=$(mktemp -d /tmp/maze-walkers.XXXXXX)
trap 'rm -rf "$work"' EXIT
measure=$root/tests/bench/measure.sh
# shellcheck source=bench-lib.sh
source "$root/tests/bench/bench-lib.sh" # capture, figure, median, machine


library() { # KIND: the library to LD_PRELOAD (none for glibc), from the provisioning index
  local index=${MAZE_ALLOCATORS_CACHE:-$HOME/.cache/maze-allocators}/mimalloc-index.tsv
  case $1 in
    glibc) echo "" ;;
    mi2) awk -F'\t' '$2 ~ /^2\./ && $3 == "relwithdebinfo" { print $4; exit }' "$index" ;;
    mi3) awk -F'\t' '$1 == "debian-3.0.1" { print $4; exit }' "$index" ;;
    *) echo "unknown kind $1 (mi2, mi3, glibc)" >&2; return 1 ;;
  esac
}

stats() {
  printf '%-16s wall best %s median %s  cpu best %s median %s  peak anon %s MB file %s MB\n' "$1" \
    "$(figure "$1" wall | head -1)" "$(figure "$1" wall | median)" "$(figure "$1" cpu | head -1)" \
    "$(figure "$1" cpu | median)" "$(figure "$1" anon | tail -1)" "$(figure "$1" file | tail -1)"
}

walked() { # NAME JAVA_OPTS: one measured warm analysis, recorded
  MAZE_JAVA_OPTS="-Xmx256m $2" run "$1" bin/maze analyze --no-progress "$core"
}

listing() { # WALKERS: the sha256 of the block listing
  MAZE_JAVA_OPTS="-Xmx256m -Dmaze.walkers=$1" bin/maze blocks --no-progress "$core" 2>"$work/blocks-$1.err" \
    | sha256sum | cut -d' ' -f1
}

for kind in "${kinds[@]}"; do
  lib=$(library "$kind")
  [[ $kind == glibc || -f $lib ]] || { echo "no $kind library: run tests/provision/mimalloc.sh" >&2; exit 1; }
  core=$(PRELOAD=$lib capture "$kind" target/fixtures/many_blocks 4 "$blocks" 0 dense)
  echo "== $kind ${lib:-(glibc)}: many_blocks 4 $blocks 0 dense, core $(du -BM --apparent-size "$core" | cut -f1)"
  machine
  export MAZE_CACHE_DIR="$work/cache"
  bin/maze analyze --no-progress "$core" | grep -E "Live blocks|walked|Warnings" || true # cold: fills the cache
  export MAZE_GDB=/nonexistent
  : >"$work/runs"
  for i in $(seq "$reps"); do
    walked walkers-1 -Dmaze.walkers=1
    walked default ""
    walked walkers-4 -Dmaze.walkers=4
  done
  stats walkers-1; stats default; stats walkers-4
  one=$(listing 1); four=$(listing 4)
  echo "maze blocks sha256: 1 walker $one, 4 walkers $four: $([[ $one == "$four" ]] && echo identical || echo DIFFER)"
  cmp -s "$work/blocks-1.err" "$work/blocks-4.err" && echo "stderr identical: $(tail -1 "$work/blocks-1.err")" \
    || { echo "stderr DIFFERS:"; diff "$work/blocks-1.err" "$work/blocks-4.err" || true; }
  unset MAZE_CACHE_DIR MAZE_GDB
  rm -f "$core"
  machine
done
