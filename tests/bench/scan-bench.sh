#!/usr/bin/env bash
# Scan benchmark: gcores a process with a >3 GB heap, then scans the core for one 64-bit value
# through maze's Java API (NativeCoreScanner) and through plain C loops over the same mmap, warm
# cache, in interleaved rounds of several repetitions (the machine may be shared: best-of is the
# robust figure), and prints GB/s and the ratios; then CoreMemory.readLong throughput.
# A harness that prints figures, not a test. The core it makes is deleted on exit.
# Usage (from anywhere): tests/bench/scan-bench.sh [HEAP_MIB (3400)] [REPS (5)] [ROUNDS (3)]
# MAZE_BENCH_CORE=path reuses an existing core (kept) instead of making one.
set -euo pipefail
cd "$(dirname "$0")/../.."
MIB=${1:-3400}
REPS=${2:-5}
ROUNDS=${3:-3}
NEEDLE=4d415a454e45454c
WORK=$(mktemp -d "${TMPDIR:-/tmp}/maze-scan-bench.XXXXXX")
FIXTURE_PID=
cleanup() {
  if [ -n "$FIXTURE_PID" ]; then kill "$FIXTURE_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

make_core() {
  target/fixtures/bigheap "$MIB" >"$WORK/bigheap.out" &
  FIXTURE_PID=$!
  until grep -q '>>> READY FOR GCORE <<<' "$WORK/bigheap.out"; do
    kill -0 "$FIXTURE_PID" || { cat "$WORK/bigheap.out" >&2; exit 1; }
    sleep 0.5
  done
  cat "$WORK/bigheap.out" >&2
  local t0=$SECONDS
  gcore -o "$WORK/core" "$FIXTURE_PID" >/dev/null 2>&1
  echo "gcore took $((SECONDS - t0)) s" >&2
  kill "$FIXTURE_PID"
  FIXTURE_PID=
  echo "$WORK/core.$(ls "$WORK" | sed -n 's/^core\.\([0-9]*\)$/\1/p')"
}

mvn -q -B test-compile package -DskipTests >&2
cc -O2 -o "$WORK/c-loop-O2" tests/bench/scan_loop.c
cc -O3 -march=native -o "$WORK/c-loop-O3-native" tests/bench/scan_loop.c
CORE=${MAZE_BENCH_CORE:-$(make_core)}
ls -l "$CORE"
cat "$CORE" >/dev/null   # warm the page cache: every side then reads from memory
CP=target/maze.jar:target/test-classes

for round in $(seq 1 "$ROUNDS"); do
  for c in c-loop-O2 c-loop-O3-native; do
    "$WORK/$c" "$CORE" "$NEEDLE" "$REPS" | sed "s/c-loop/$c round=$round/"
  done
  java -cp "$CP" maze.nativebind.ScanBench "$CORE" "$NEEDLE" "$REPS" scan-only | sed "s/maze-scan/& round=$round/"
done | tee "$WORK/results"
java -cp "$CP" maze.nativebind.ScanBench "$CORE" "$NEEDLE" 1 | grep -v maze-scan

# Best and median repetition of each kind, then maze against the C loops.
figures() { grep "RESULT $1 " "$WORK/results" | sed 's/.*GB\/s=//' | sort -g; }
best() { figures "$1" | tail -1; }
median() { figures "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
T1="maze-scan round=[0-9]* threads=1"; TN="maze-scan round=[0-9]* threads=$(nproc)"
for stat in best median; do
  C2=$($stat c-loop-O2); CN=$($stat c-loop-O3-native); M1=$($stat "$T1"); MN=$($stat "$TN")
  echo "SUMMARY $stat GB/s: C -O2 $C2, C -O3 -march=native $CN, maze 1 thread $M1, maze $(nproc) threads $MN"
  echo "SUMMARY $stat ratios: maze 1 thread / C -O2 = $(ratio "$M1" "$C2")," \
       "maze 1 thread / C native = $(ratio "$M1" "$CN"), maze $(nproc) threads / C native = $(ratio "$MN" "$CN")"
done
