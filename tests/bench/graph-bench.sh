#!/usr/bin/env bash
# Benchmark of the reference graph (prints figures; not a test): `maze analyze`, `maze leaks` and
# `maze analyze --retained` on the same core, with -Xmx1g, runs interleaved, in one run.
#   tests/bench/graph-bench.sh [BLOCKS]    (default 10000000: linked_heap, a tenth leaked)
#   REPS=N ...                  rounds (default 3): each round runs cat, analyze, leaks, --retained
#   BASELINE_JAR=path ...       also leaks and --retained of that jar (java -jar, serial GC), whose
#                               sets and retained tables must equal this build's
#   MAZE_BENCH_CORE=path ...    use that core (of linked_heap) instead of making one
# This build runs through bin/maze (class-data archive, serial collector) with MAZE_JAVA_OPTS=-Xmx1g,
# layout cache warm. Each line: wall and CPU seconds, peak RssAnon/RssFile (tests/bench/measure.sh);
# then best and median per kind and the ratios to analyze; then one run of each graph command with
# -Dmaze.graph.timing=true (time per phase). The load average is printed before and after: on a
# shared machine compare only figures of the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
reps=${REPS:-3}
blocks=${1:-10000000}
[[ -f target/maze.jar && -x target/fixtures/linked_heap ]] || mvn -q -B package -DskipTests
work=$(mktemp -d /tmp/maze-graph-bench.XXXXXX)
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$work"' EXIT
measure=$root/tests/bench/measure.sh
# shellcheck source=bench-lib.sh
source "$root/tests/bench/bench-lib.sh" # machine, run, figure, median

core=${MAZE_BENCH_CORE:-}
[[ -n $core ]] || core=$(tests/bench/linked-core.sh "$blocks" "$work")
echo "== ${MAZE_BENCH_CORE:+the given core, not }linked_heap $blocks: $core ($(du -BM --apparent-size "$core" | cut -f1))"
machine
cat "$core" >/dev/null
export MAZE_CACHE_DIR="$work/cache" MAZE_JAVA_OPTS=-Xmx1g
bin/maze analyze --no-progress "$core" >/dev/null # fills the layout cache (gdb) and makes the archive
export MAZE_GDB=/nonexistent
base=(java -Xmx1g -XX:+UseSerialGC -jar "${BASELINE_JAR:-}")

: >"$work/runs"
for i in $(seq "$reps"); do
  run cat cat "$core"
  run analyze bin/maze analyze --no-progress "$core"
  run leaks bin/maze leaks --no-progress "$core"
  run retained bin/maze analyze --retained --no-progress --top 3 "$core"
  if [[ -n ${BASELINE_JAR:-} ]]; then
    run baseline-leaks "${base[@]}" leaks --no-progress "$core"
    run baseline-retained "${base[@]}" analyze --retained --no-progress --top 3 "$core"
  fi
done

stats() {
  printf '%-18s wall best %6s median %6s   cpu best %6s median %6s   peak anon %5s MB\n' "$1" \
    "$(figure "$1" wall | head -1)" "$(figure "$1" wall | median)" \
    "$(figure "$1" cpu | head -1)" "$(figure "$1" cpu | median)" "$(figure "$1" anon | tail -1)"
}
ratio() { echo "scale=2; $1 / $2" | bc; }
ratios() { # KIND: its best and median wall and CPU over analyze's
  printf '%-18s / analyze: wall best %sx median %sx   cpu best %sx median %sx\n' "$1" \
    "$(ratio "$(figure "$1" wall | head -1)" "$(figure analyze wall | head -1)")" \
    "$(ratio "$(figure "$1" wall | median)" "$(figure analyze wall | median)")" \
    "$(ratio "$(figure "$1" cpu | head -1)" "$(figure analyze cpu | head -1)")" \
    "$(ratio "$(figure "$1" cpu | median)" "$(figure analyze cpu | median)")"
}
echo "== $reps rounds, interleaved"
kinds=(cat analyze leaks retained)
[[ -z ${BASELINE_JAR:-} ]] || kinds+=(baseline-leaks baseline-retained)
for k in "${kinds[@]}"; do stats "$k"; done
for k in "${kinds[@]:2}"; do ratios "$k"; done
machine

echo "== results, and time per phase (-Dmaze.graph.timing=true)"
export MAZE_JAVA_OPTS="-Xmx1g -Dmaze.graph.timing=true"
bin/maze analyze --no-progress "$core" | grep -E "Live blocks|Warnings" || true
bin/maze leaks --no-progress "$core" >"$work/leaks.txt"
grep -E "^(anchored|leaked|unreferenced):|Graph:|Warnings" "$work/leaks.txt" || true
bin/maze analyze --retained --no-progress --top 3 "$core" >"$work/retained.txt"
grep -A4 "Top retaining roots" "$work/retained.txt" || true
if [[ -n ${BASELINE_JAR:-} ]]; then
  # the same sets, tables and retained rows (the graph's own time left out)
  "${base[@]}" leaks --no-progress "$core" >"$work/base-leaks.txt"
  "${base[@]}" analyze --retained --no-progress --top 3 "$core" >"$work/base-retained.txt"
  for f in leaks retained; do
    if diff <(grep -v "^Graph:" "$work/$f.txt") <(grep -v "^Graph:" "$work/base-$f.txt") >/dev/null; then
      echo "$f: output identical to the baseline's"
    else
      echo "$f: output DIFFERS from the baseline's:"
      diff <(grep -v "^Graph:" "$work/$f.txt") <(grep -v "^Graph:" "$work/base-$f.txt") | head -20
    fi
  done
fi
