#!/usr/bin/env bash
# Re-records the GDB/MI transcripts the parser tests read (gdb 13.1, Debian 12, x86-64).
# Usage: record.sh [OUTDIR]; builds the two small C programs next to this script in a temp dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
tmp=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
gcc -g -shared -fPIC -o "$tmp/libshapes.so" "$here/../shapes.c"
cp "$tmp/libshapes.so" "$tmp/libshapes-stripped.so" && strip --strip-debug "$tmp/libshapes-stripped.so"
gcc -g -pthread -o "$tmp/tlsprog" "$here/../tlsprog.c"

mi() { gdb -nx -q --interpreter=mi3 -iex 'set auto-load off' "$@"; }

mi > "$out/libc.mi" <<'CMDS'
1-gdb-version
2-file-exec-and-symbols /lib/x86_64-linux-gnu/libc.so.6
3-interpreter-exec console "ptype /o struct malloc_state"
4-interpreter-exec console "info address tcache"
5-interpreter-exec console "info address main_arena"
6-interpreter-exec console "ptype /o struct no_such_thing"
7-symbol-info-variables --name ^mp_$
8-data-evaluate-expression sizeof(heap_info)
9-interpreter-exec console "ptype /o heap_info"
10-gdb-exit
CMDS

mi > "$out/ld.mi" <<'CMDS'
1-file-exec-and-symbols /lib64/ld-linux-x86-64.so.2
2-interpreter-exec console "ptype /o struct link_map"
3-interpreter-exec console "info address _rtld_global"
4-gdb-exit
CMDS

(cd "$tmp" && mi ./libshapes.so > "$out/shapes.mi" <<'CMDS'
1-interpreter-exec console "ptype /o struct shapes"
2-interpreter-exec console "ptype /o shapes_t"
3-interpreter-exec console "info address hidden_counter"
4-interpreter-exec console "info address per_thread"
5-interpreter-exec console "info address touch"
6-interpreter-exec console "info address nosuch"
7-gdb-exit
CMDS
)
sed -i "s#$tmp#/tmp/rec#g" "$out/shapes.mi"

mi -iex 'set debug-file-directory /tmp/nowhere:/usr/lib/debug' > "$out/nodwarf.mi" <<CMDS
1-interpreter-exec console "file $tmp/libshapes-stripped.so"
2-interpreter-exec console "ptype /o struct shapes"
3-interpreter-exec console "show debug-file-directory"
4-interpreter-exec console "info address touch"
5-interpreter-exec console "file /nonexistent/x.so"
6-bogus-command
7-gdb-exit
CMDS
sed -i "s#$tmp#/tmp/rec#g" "$out/nodwarf.mi"

mi > "$out/escapes.mi" <<'CMDS'
1-interpreter-exec console "echo caf\\303\\251 tab\\there \\\"q\\\" bell\\007\\n"
2-data-evaluate-expression "\"x\\001y\\303\\251\""
3-list-features
4-gdb-exit
CMDS

"$tmp/tlsprog" > "$tmp/out" 2>&1 &
pid=$!
until grep -q 'READY FOR GCORE' "$tmp/out"; do sleep 0.1; done
gcore -o "$tmp/core" "$pid" > /dev/null
mi > "$out/core.mi" <<CMDS
1-file-exec-and-symbols $tmp/tlsprog
2-target-select core $tmp/core.$pid
3-interpreter-exec console "thread apply all print &slot"
4-interpreter-exec console "thread apply all print &tcache"
5-thread-info
6-data-evaluate-expression --thread 2 "(unsigned long)&slot"
7-interpreter-exec console "call malloc(3)"
8-gdb-exit
CMDS
sed -i "s#$tmp#/tmp/rec#g" "$out/core.mi"
