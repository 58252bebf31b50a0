#!/usr/bin/env bash
# Writes the built-in layout table of a stripped jemalloc 5.3 library from the DWARF of a rebuild
# of the same source with the same options (tests/provision/jemalloc.sh makes one for Debian's):
#   tests/tools/jemalloc_table.sh DWARF_LIB STRIPPED_LIB VERSION > table.layout
# (java/src/main/resources/maze/layout/tables/jemalloc/; format: docs/layouts.md, "Built-in tables")
# Structs are `maze layouts` output of the rebuild. No addresses: the walker finds the hidden
# globals in the core by their content. Refuses unless the two files' data sections agree
# (`readelf -SW`: same .data/.bss/.tdata/.data.rel.ro), a sign of the same source and options.
set -euo pipefail
dwarf=$1 stripped=$2 version=$3
here=$(cd "$(dirname "$0")/../.." && pwd)
for s in .data .bss .tdata .data.rel.ro; do
  a=$(readelf -SW "$dwarf" | awk -v s="$s" '$2 == s { print $4, $6 }')
  b=$(readelf -SW "$stripped" | awk -v s="$s" '$2 == s { print $4, $6 }')
  [ "$a" = "$b" ] || { echo "jemalloc_table.sh: $s differs ($a vs $b): not the same build" >&2; exit 1; }
done
id=$(readelf -n "$stripped" | awk '/Build ID:/ { print $3; exit }')
structs=$("$here/bin/maze" layouts --no-cache "$dwarf" emap_t rtree_t edata_t bin_info_t cache_bin_t \
  cache_bin_array_descriptor_t arena_t tcache_t base_t base_block_t)
python3 - "$(basename "$stripped")" "$version" "$id" "$structs" <<'PY'
import json, sys
library, version, build_id, structs = sys.argv[1:]
print("# jemalloc %s, stripped (%s). Structs read from the DWARF of a rebuild of the same source with the" % (version, library))
print("# same options by tests/tools/jemalloc_table.sh (docs/jemalloc.md says how). No addresses: the walker")
print("# finds the hidden globals in the core by their content and proves them before any block counts.")
print("library", library)
print("version", version)
print("build-id", build_id)
for name, st in json.loads(structs).items():
    print()
    print("struct", name, st["size"])
    for field, f in st["fields"].items():
        line = "field %s %d %d" % (field, f["offset"], f["size"])
        if "bitpos" in f:
            line += " %d %d" % (f["bitpos"], f["bitsize"])
        print(line)
PY
