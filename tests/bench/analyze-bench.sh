#!/usr/bin/env bash
# Benchmark of `maze analyze` with a warm layout cache (prints figures; not a test).
#   tests/bench/analyze-bench.sh [--big | --mimalloc]
#   PRELOAD=/path/to/libmimalloc.so tests/bench/analyze-bench.sh [--big]   (fixtures on that allocator)
# Captures the 8-thread glibc scenario (heap_truth threads, core > 1 GB) and, with --big, a core of
# over 5 GB holding 10 million live blocks (many_blocks), with --mimalloc the same scenario
# LD_PRELOADed with each provisioned mimalloc build (tests/provision/mimalloc.sh), then times: a cold run (gdb fills the
# layout cache), and warm runs with gdb made unavailable (MAZE_GDB=/nonexistent: a warm run that
# needed gdb would fail). The warm runs use -Xmx256m. Baseline in the same run: `cat CORE >/dev/null`
# (reading the core once, warm page cache) and `maze info`, which reads only headers and notes.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -f target/maze.jar && -x target/fixtures/heap_truth ]] || mvn -q -B package -DskipTests
work=$(mktemp -d /tmp/maze-bench.XXXXXX)
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$work"' EXIT

capture() { # NAME COMMAND...: runs COMMAND until READY, gcores it, kills it; prints the core path
  local name=$1; shift
  env ${PRELOAD:+LD_PRELOAD="$PRELOAD"} "$@" >"$work/$name.out" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do grep -q "READY FOR GCORE" "$work/$name.out" && break; sleep 0.2; done
  gcore -o "$work/core-$name" "$pid" >/dev/null 2>&1
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$work/core-$name.$pid"
}

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }

bench() { # NAME CORE
  local name=$1 core=$2 cache="$work/cache-$1"
  local size; size=$(du -BM --apparent-size "$core" | cut -f1)
  echo "== $name: $core ($size)"
  cat "$core" >/dev/null
  echo "cat core (baseline, warm)   $(seconds cat "$core") s"
  echo "maze info (baseline)        $(seconds env MAZE_CACHE_DIR="$cache" java -jar target/maze.jar info "$core") s"
  echo "maze analyze, cold cache    $(seconds env MAZE_CACHE_DIR="$cache" java -jar target/maze.jar analyze --no-progress "$core") s"
  for i in 1 2 3; do
    echo "maze analyze, warm, run $i  $(seconds env MAZE_CACHE_DIR="$cache" MAZE_GDB=/nonexistent \
      java -Xmx256m -jar target/maze.jar analyze --no-progress "$core") s"
  done
  env MAZE_CACHE_DIR="$cache" MAZE_GDB=/nonexistent java -Xmx256m -jar target/maze.jar analyze --no-progress "$core" \
    | grep -E "Live blocks|Live bytes|Warnings"
}

bench threads "$(capture threads target/fixtures/heap_truth threads "$work/truth.jsonl")"
if [[ ${1:-} == --mimalloc ]]; then
  rm -f "$work"/core-threads.*
  bash tests/provision/mimalloc.sh | while read -r name lib _; do
    bench "$name" "$(capture "$name" env LD_PRELOAD="$lib" target/fixtures/heap_truth threads "$work/truth.jsonl")"
    rm -f "$work"/core-"$name".*
  done
fi
if [[ ${1:-} == --big ]]; then
  rm -f "$work"/core-threads.*
  bench big "$(capture big target/fixtures/many_blocks 4 3300000 4200)"
fi
