#!/usr/bin/env python3
"""Checks a heap_truth truth file against a core of the fixture, without maze (glibc, x86-64).

For every live truth block: the glibc chunk header before it must be in use and hold a size that
fits the request (arena chunk: the next chunk's PREV_INUSE bit set; mmapped chunk: IS_MMAPPED, a
page multiple). Sums of the live chunks are compared with the fixture's mallinfo2 figures.
Usage: check_truth_core.py CORE TRUTH_FILE [LISTING_OUT]
With LISTING_OUT it also writes the listing a perfect walker would give for the truth's live
blocks (maze's block listing format), to try the scorer on a real core.
"""
import bisect
import json
import struct
import sys

PREV_INUSE, IS_MMAPPED, NON_MAIN_ARENA = 1, 2, 4
MINSIZE = 32
ALIGNED_KINDS = ("memalign", "posix_memalign", "aligned_alloc")


def load_segments(path):
    data = open(path, "rb").read()
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segs = []
    for i in range(phnum):
        ptype, _flags, off, vaddr, _pa, filesz, _memsz, _al = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if ptype == 1 and filesz:
            segs.append((vaddr, filesz, off))
    segs.sort()
    return data, segs


class Core:
    def __init__(self, path):
        self.data, self.segs = load_segments(path)
        self.starts = [s[0] for s in self.segs]

    def word(self, addr):
        i = bisect.bisect_right(self.starts, addr) - 1
        if i < 0:
            return None
        vaddr, size, off = self.segs[i]
        if addr + 8 > vaddr + size:
            return None
        return struct.unpack_from("<Q", self.data, off + addr - vaddr)[0]


def request2size(n):
    return max(MINSIZE, (n + 8 + 15) & ~15)


def listing_row(b, usable):
    kind = "C++ " + b["type"] if b["vtable"] else "malloc(%d)" % usable
    return (int(b["start"], 16), '{"address":"%s","size":%d,"type":"%s"}' % (b["start"], usable, kind))


def check_live(core, b, problems, sums):
    start = int(b["start"], 16)
    req = b["size"]
    head = core.word(start - 8)
    if head is None:
        problems.append("unreadable header " + b["start"])
        return
    size = head & ~7
    if head & IS_MMAPPED:
        lead = core.word(start - 16)
        if (size + lead) % 4096 or size < req + 16 or (start - 16 - lead) % 4096:
            problems.append("bad mmapped chunk %s head %#x lead %#x" % (b["start"], head, lead))
        sums["mmapped"] += size + lead
        sums["mmapped_blocks"] += 1
        return listing_row(b, size - 16)
    # a split-off remainder must be at least MINSIZE; _int_memalign keeps exactly MINSIZE too
    spare = MINSIZE + (16 if b["kind"] in ALIGNED_KINDS else 0)
    if size < request2size(req) or size - request2size(req) >= spare:
        problems.append("size %#x does not fit %s(%d) at %s" % (size, b["kind"], req, b["start"]))
    nxt = core.word(start - 16 + size + 8)
    if nxt is None or not nxt & PREV_INUSE:
        problems.append("chunk at %s not marked in use" % b["start"])
    sums["arena"] += size
    sums["arena_blocks"] += 1
    sums["non_main"] += bool(head & NON_MAIN_ARENA)
    return listing_row(b, size - 8)


def main(core_path, truth_path, listing_path=None):
    core = Core(core_path)
    problems = []
    sums = dict(arena=0, arena_blocks=0, mmapped=0, mmapped_blocks=0, non_main=0, freed=0)
    rows = []
    with open(truth_path) as f:
        header = json.loads(f.readline())
        for line in f:
            b = json.loads(line)
            if b["live"]:
                rows.append(check_live(core, b, problems, sums))
            else:
                sums["freed"] += 1
    if listing_path:
        with open(listing_path, "w") as out:
            out.writelines(r[1] + "\n" for r in sorted(r for r in rows if r))
    mi = header["mallinfo2"]
    print(json.dumps(sums))
    print("uordblks %d - live arena chunks %d = %d (tcache chunks, blocks not in the truth, "
          "arena headers)" % (mi["uordblks"], sums["arena"], mi["uordblks"] - sums["arena"]))
    print("hblkhd %d - live mmapped chunks %d = %d" % (mi["hblkhd"], sums["mmapped"],
                                                      mi["hblkhd"] - sums["mmapped"]))
    if sums["arena"] > mi["uordblks"] or sums["mmapped"] > mi["hblkhd"]:
        problems.append("truth holds more than mallinfo2 says is in use")
    for p in problems[:20]:
        print("PROBLEM", p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
