#!/usr/bin/env bash
# Benchmark of the reference graph (prints figures; not a test): `maze analyze` and `maze leaks` /
# `maze analyze --retained` on the same core, with -Xmx1g, in one run.
#   tests/bench/graph-bench.sh [BLOCKS]    (default 10000000: linked_heap, a tenth leaked)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -f target/maze.jar && -x target/fixtures/linked_heap ]] || mvn -q -B package -DskipTests
blocks=${1:-10000000}
work=$(mktemp -d /tmp/maze-graph-bench.XXXXXX)
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$work"' EXIT
core=$(tests/bench/linked-core.sh "$blocks" "$work")
echo "== linked_heap $blocks: $core ($(du -BM --apparent-size "$core" | cut -f1))"
cat "$core" >/dev/null
timed() { # LABEL COMMAND...: wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e s, peak RSS %M KiB" -o "$work/time" "$@" >"$work/last" 2>&1 || true
  printf '%-34s %s\n' "$label" "$(cat "$work/time")"
}
jar=(java -Xmx1g -jar target/maze.jar)
timed "maze analyze" "${jar[@]}" analyze --no-progress "$core"
grep -E "Live blocks|Warnings" "$work/last"
timed "maze leaks" "${jar[@]}" leaks --no-progress "$core"
grep -E "^(anchored|leaked|unreferenced):|Graph:|Warnings" "$work/last"
timed "maze analyze --retained" "${jar[@]}" analyze --retained --no-progress --top 3 "$core"
grep -A4 "Top retaining roots" "$work/last"
