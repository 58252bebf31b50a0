#!/usr/bin/env bash
# Benchmark of `maze analyze` with a warm layout cache (prints figures; not a test).
#   tests/bench/analyze-bench.sh [--dense] [--big | --mimalloc] [--huge] [--no-small]
#   PRELOAD=/path/to/libmimalloc.so tests/bench/analyze-bench.sh [--big]   (fixtures on that allocator)
#   BASELINE_JAR=/path/to/maze.jar ...   compare with that build (default: main's, built here once)
#   REPS=5 ...                           warm runs per build and core (default 3)
# Captures the 8-thread glibc scenario (heap_truth threads, core > 1 GB); with --dense also a core of
# 10 million live blocks of 24-1000 bytes from 4 threads (many_blocks ... dense, ~1.9 GB); with --big
# a core of over 5 GB holding 10 million live blocks and 4 GB of mmapped chunks (many_blocks); with
# --huge a core of over 20 GB holding 32 million live blocks and 16 GB of mmapped chunks (about 5 GB
# resident in the fixture; the core needs 21 GB of disk in /tmp); --no-small leaves out the start-up
# figures and the scenario core. With --mimalloc the scenario LD_PRELOADed with each provisioned mimalloc build (tests/provision/mimalloc.sh).
# For each core: `cat CORE >/dev/null` (warm page cache: the floor), a cold run (gdb fills the layout
# cache), then warm runs with gdb made unavailable (MAZE_GDB=/nonexistent: a warm run that needed gdb
# would fail) and -Xmx256m, of this build through bin/maze (its class-data archive made by a first
# run) and of the baseline jar (plain java -jar), interleaved. Each line: wall and CPU seconds and
# peak RssAnon/RssFile in MB (tests/bench/measure.sh); then best and median per kind, and the ratios
# to cat. Also JVM start-up: `maze --version` and an analyze of a small core, with and without the
# class-data archive. The load average is printed before and after: on a shared machine compare
# only figures from the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
reps=${REPS:-3}
[[ -f target/maze.jar && -x target/fixtures/heap_truth ]] || mvn -q -B package -DskipTests
work=$(mktemp -d /tmp/maze-bench.XXXXXX)
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$work"' EXIT
measure=$root/tests/bench/measure.sh
# shellcheck source=bench-lib.sh
source "$root/tests/bench/bench-lib.sh"

baseline() { # the jar to compare with: BASELINE_JAR, else main's, built once in a temporary copy
  if [[ -n ${BASELINE_JAR:-} ]]; then echo "$BASELINE_JAR"; return; fi
  local src="$work/main-src"
  mkdir -p "$src"
  git -C "$root" archive main | tar -x -C "$src"
  (cd "$src" && mvn -q -B package -DskipTests >/dev/null 2>&1) || { echo "cannot build main" >&2; return 1; }
  echo "$src/target/maze.jar"
}

# stats KIND: best and median wall, median CPU, and the peaks of anonymous and file-backed RSS
stats() {
  printf '%-18s wall best %s median %s  cpu median %s  peak anon %s MB file %s MB\n' "$1" \
    "$(figure "$1" wall | head -1)" "$(figure "$1" wall | median)" "$(figure "$1" cpu | median)" \
    "$(figure "$1" anon | tail -1)" "$(figure "$1" file | tail -1)"
}

median_wall() { figure "$1" wall | median; }

bench() { # NAME CORE
  local name=$1 core=$2 cache="$work/cache-$1" size
  size=$(du -BM --apparent-size "$core" | cut -f1)
  echo "== $name: $core ($size)"
  machine
  : >"$work/runs"
  cat "$core" >/dev/null
  MAZE_CACHE_DIR="$cache" "$measure" java -jar "$base" analyze --no-progress "$core" | sed 's/^/cold (gdb fills the cache), baseline jar: /'
  export MAZE_CACHE_DIR="$cache" MAZE_GDB=/nonexistent MAZE_JAVA_OPTS=-Xmx256m
  rm -f target/maze-*.jsa
  "$measure" bin/maze analyze --no-progress "$core" | sed 's/^/first run (makes the class-data archive): /'
  for i in $(seq "$reps"); do
    run "$name-cat" cat "$core"
    run "$name-maze" bin/maze analyze --no-progress "$core"
    run "$name-baseline" java -Xmx256m -jar "$base" analyze --no-progress "$core"
  done
  stats "$name-cat"; stats "$name-maze"; stats "$name-baseline"
  local c m b
  c=$(median_wall "$name-cat"); m=$(median_wall "$name-maze"); b=$(median_wall "$name-baseline")
  echo "median wall / cat: maze $(echo "scale=1; $m / $c" | bc)x, baseline $(echo "scale=1; $b / $c" | bc)x"
  bin/maze analyze --no-progress "$core" | grep -E "Live blocks|Live bytes|Warnings|walked" || true
  unset MAZE_CACHE_DIR MAZE_GDB MAZE_JAVA_OPTS
  machine
}

startup() { # JVM start and class loading: --version and a small core, with and without the archive
  local core cache="$work/cache-small"
  core=$(capture small target/fixtures/many_blocks 1 1000 0)
  echo "== start-up: maze --version, and analyze of a $(du -BM --apparent-size "$core" | cut -f1) core"
  machine
  : >"$work/runs"
  MAZE_CACHE_DIR="$cache" java -jar target/maze.jar analyze --no-progress "$core" >/dev/null || true
  export MAZE_CACHE_DIR="$cache" MAZE_GDB=/nonexistent
  rm -f target/maze-*.jsa
  bin/maze analyze --no-progress "$core" >/dev/null || true # makes the archive
  for i in $(seq $((reps * 3))); do
    run "version-cds" bin/maze --version
    run "version-nocds" env MAZE_NO_CDS=1 bin/maze --version
    run "version-baseline" java -jar "$base" --version
    run "small-cds" bin/maze analyze --no-progress "$core"
    run "small-nocds" env MAZE_NO_CDS=1 bin/maze analyze --no-progress "$core"
    run "small-baseline" java -jar "$base" analyze --no-progress "$core"
  done >/dev/null
  for k in version-cds version-nocds version-baseline small-cds small-nocds small-baseline; do stats "$k"; done
  unset MAZE_CACHE_DIR MAZE_GDB
  rm -f "$core"
  machine
}

base=$(baseline)
echo "this build: $root (bin/maze), baseline: $base"
if [[ " $* " != *" --no-small "* ]]; then
  startup
  bench threads "$(capture threads target/fixtures/heap_truth threads "$work/truth.jsonl")"
  rm -f "$work"/core-threads.*
fi
if [[ " $* " == *" --dense "* ]]; then
  bench dense "$(capture dense target/fixtures/many_blocks 4 2500000 0 dense)"
  rm -f "$work"/core-dense.*
fi
if [[ " $* " == *" --mimalloc "* ]]; then
  bash tests/provision/mimalloc.sh | while read -r name lib _; do
    bench "$name" "$(capture "$name" env LD_PRELOAD="$lib" target/fixtures/heap_truth threads "$work/truth.jsonl")"
    rm -f "$work"/core-"$name".*
  done
fi
if [[ " $* " == *" --big "* ]]; then
  bench big "$(capture big target/fixtures/many_blocks 4 3300000 4200)"
fi
if [[ " $* " == *" --huge "* ]]; then
  rm -f "$work"/core-big.*
  bench huge "$(capture huge target/fixtures/many_blocks 4 8000000 16000)"
fi
