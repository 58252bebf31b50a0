#!/usr/bin/env bash
# linked-core.sh BLOCKS DIR: runs linked_heap with BLOCKS blocks until it is ready, gcores it into
# DIR (an absolute path), ends it, and prints the core's path. A benchmark helper, not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
blocks=$1
dir=$2
target/fixtures/linked_heap "$blocks" >"$dir/out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1200); do grep -q "READY FOR GCORE" "$dir/out" && break; sleep 0.2; done
gcore -o "$dir/core" "$pid" >/dev/null 2>&1
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "$dir/core.$pid"
