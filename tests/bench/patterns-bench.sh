#!/usr/bin/env bash
# Benchmark of --patterns beside --retained (prints figures; not a test): on one linked_heap core,
# rounds of `maze analyze` and `--patterns` (a scan of its own), `--retained` and
# `--retained --patterns` (the owners from the graph's scan), interleaved, with -Xmx1g; wall and
# CPU seconds (user + system) and peak RSS per run, then the best and the median of each. What
# --patterns adds to --retained is to be compared with what it adds to a plain analyze.
#   tests/bench/patterns-bench.sh [BLOCKS] [ROUNDS]    (default 2000000 blocks, 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -f target/maze.jar && -x target/fixtures/linked_heap ]] || mvn -q -B package -DskipTests
blocks=${1:-2000000}
rounds=${2:-3}
work=$(mktemp -d /tmp/maze-patterns-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
core=$(tests/bench/linked-core.sh "$blocks" "$work")
echo "== linked_heap $blocks: $(du -BM --apparent-size "$core" | cut -f1), load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$core" >/dev/null
configs=("" "--patterns" "--retained" "--retained --patterns")
for r in $(seq "$rounds"); do
  for i in "${!configs[@]}"; do
    # shellcheck disable=SC2086 # the options split on purpose
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" java -Xmx1g -jar target/maze.jar analyze --no-progress \
      --top 3 ${configs[$i]} "$core" >"$work/last" 2>&1 || echo "run failed: ${configs[$i]}" >&2
    read -r wall user sys rss <"$work/time"
    cpu=$(echo "$user + $sys" | bc)
    echo "$i $wall $cpu $rss" >>"$work/runs"
    printf 'round %d  %-22s wall %6.2f s  cpu %6.2f s  peak RSS %7d KiB\n' "$r" "${configs[$i]}" "$wall" "$cpu" "$rss"
    if ((r == 1)); then
      grep -E "Live blocks|Warnings|std::|Retained by type" "$work/last" | head -4 | sed 's/^/    /'
    fi
  done
done
for i in "${!configs[@]}"; do
  for col in 2 3; do
    sort -n <(awk -v i="$i" -v c="$col" '$1 == i { print $c }' "$work/runs") >"$work/col$col"
  done
  best_wall=$(head -1 "$work/col2"); med_wall=$(sed -n "$(( (rounds + 1) / 2 ))p" "$work/col2")
  best_cpu=$(head -1 "$work/col3"); med_cpu=$(sed -n "$(( (rounds + 1) / 2 ))p" "$work/col3")
  printf '%-22s wall best %6.2f median %6.2f s   cpu best %6.2f median %6.2f s\n' "${configs[$i]}" \
    "$best_wall" "$med_wall" "$best_cpu" "$med_cpu"
done
