#!/usr/bin/env bash
# Writes the built-in layout table of a stripped jemalloc 5.3 library from the DWARF of a rebuild
# of the same source with the same options (tests/provision/jemalloc.sh makes one for Debian's):
#   tests/tools/jemalloc_table.sh DWARF_LIB STRIPPED_LIB LIBRARY_NAME > table.json
# Structs are `maze layouts` output of the rebuild; symbols are the rebuild's link-time addresses
# of the hidden globals (the walker takes them only once the core proves them). Check first that
# the two files' data sections agree: `readelf -SW` of both must show the same .data/.bss/.tdata.
set -euo pipefail
dwarf=$1 stripped=$2 name=$3
here=$(cd "$(dirname "$0")/../.." && pwd)
for s in .data .bss .tdata .data.rel.ro; do
  a=$(readelf -SW "$dwarf" | awk -v s="$s" '$2 == s { print $4, $6 }')
  b=$(readelf -SW "$stripped" | awk -v s="$s" '$2 == s { print $4, $6 }')
  [ "$a" = "$b" ] || { echo "jemalloc_table.sh: $s differs ($a vs $b): not the same build" >&2; exit 1; }
done
id=$(readelf -n "$stripped" | awk '/Build ID:/ { print $3; exit }')
structs=$("$here/bin/maze" layouts --no-cache "$dwarf" emap_t rtree_t edata_t bin_info_t cache_bin_t \
  cache_bin_array_descriptor_t arena_t tcache_t)
syms=""
for s in je_arena_emap_global je_bin_infos je_sz_index2size_tab je_arenas je_nhbins; do
  a=$(nm "$dwarf" | awk -v s="$s" '$3 == s { print $1 }')
  [ -n "$a" ] || { echo "jemalloc_table.sh: $s not in $dwarf" >&2; exit 1; }
  syms="$syms${syms:+, }\"$s\": \"0x$a\""
done
printf '{"library": "%s", "buildId": "%s",\n "symbols": {%s},\n "structs": %s}\n' "$name" "$id" "$syms" "$structs"
