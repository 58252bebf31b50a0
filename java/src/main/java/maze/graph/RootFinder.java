package maze.graph;

import java.util.List;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.ElfFile;
import maze.core.MappedFile;
import maze.core.Module;
import maze.core.ProgramHeader;
import maze.core.Segment;
import maze.core.ThreadInfo;
import maze.heap.OwnedMemory;
import maze.heap.Warnings;

/**
 * Finds the roots of a core, most specific first: every module's writable data (its PT_LOAD
 * segments with PF_W, from the module file; where the file is missing, its writable NT_FILE
 * mappings), every thread's live stack (from its stack pointer, less the 128-byte red zone a leaf
 * function may use, to the end of the mapping), each thread's static TLS blocks (where ld.so says;
 * else a fixed window below the thread pointer) and its thread descriptor above it, and,
 * conservatively, every other writable segment that holds no live block and no stack. Registers
 * are roots too. TLS comes before the stacks: another thread's TLS lies on its stack mapping, and
 * is named as TLS there. The allocator's own metadata (set-apart blocks, and the ranges its walk
 * named) is kept out of the conservative roots: its words name blocks for the allocator's sake
 * (stale cache slots, extent headers). It never hides the named roots added before it.
 */
public final class RootFinder {
    static final long RED_ZONE = 128;
    /** Without ld.so's word: static TLS lies below the thread pointer (x86-64 variant II); glibc's is a few KiB. */
    static final long TLS_BELOW = 16 << 10;
    /** struct pthread (the TCB) lies above it: about 2.3 KiB on glibc 2.36. */
    static final long TLS_ABOVE = 4 << 10;
    private static final long PAGE = 4096;

    private final CoreModel core;
    private final BlockTable blocks;
    private final Warnings warnings;
    private final RootRegions.Builder regions = new RootRegions.Builder();
    private final List<TlsBlocks.Block> staticTls;

    private RootFinder(CoreModel core, BlockTable blocks, List<TlsBlocks.Block> staticTls, Warnings warnings) {
        this.core = core;
        this.blocks = blocks;
        this.staticTls = staticTls;
        this.warnings = warnings;
    }

    /** As below, with the fixed TLS window. */
    public static RootRegions find(CoreModel core, BlockTable blocks, List<long[]> threadRegisters,
                                   RegisterRoots into, Warnings warnings) {
        return find(core, blocks, null, threadRegisters, into, warnings);
    }

    /**
     * The roots' regions; {@code staticTls} (null: unknown) from {@link TlsBlocks}; {@code registers}
     * (one array per thread, may be empty) go to {@code into}.
     */
    public static RootRegions find(CoreModel core, BlockTable blocks, List<TlsBlocks.Block> staticTls,
                                   List<long[]> threadRegisters, RegisterRoots into, Warnings warnings) {
        return find(core, blocks, staticTls, List.of(), threadRegisters, into, warnings);
    }

    /** As above, {@code metadata} (the allocators' own bookkeeping outside blocks) being no root. */
    public static RootRegions find(CoreModel core, BlockTable blocks, List<TlsBlocks.Block> staticTls,
                                   List<OwnedMemory.Range> metadata, List<long[]> threadRegisters,
                                   RegisterRoots into, Warnings warnings) {
        RootFinder f = new RootFinder(core, blocks, staticTls, warnings);
        core.modules().forEach(f::moduleData);
        List<ThreadInfo> threads = core.threads();
        for (int t = 0; t < threads.size(); t++) {
            f.tls(t, threads.get(t));
        }
        for (int t = 0; t < threads.size(); t++) {
            f.stack(t, threads.get(t));
        }
        f.excludeMetadata(metadata);
        f.anonymous();
        for (int t = 0; t < threads.size() && t < threadRegisters.size(); t++) {
            int area = f.regions.area(new RootArea(RootKind.REGISTER, threadName(t, threads.get(t)), null, t));
            long[] regs = threadRegisters.get(t);
            for (int r = 0; r < regs.length; r++) {
                into.add(area, r, regs[r]);
            }
        }
        if (threadRegisters.size() < threads.size()) {
            warnings.add("the registers of %d threads could not be read: blocks only they point to show as leaked",
                    threads.size() - threadRegisters.size());
        }
        RootRegions built = f.regions.build();
        f.warnMissing(built);
        return built;
    }

    /** Root memory the core does not hold cannot anchor anything: say how much, so leaks are read with care. */
    private void warnMissing(RootRegions built) {
        long missing = 0;
        java.util.Set<String> where = new java.util.TreeSet<>();
        for (int i = 0; i < built.count(); i++) {
            long lost = (built.end(i) - built.start(i)) - heldBytes(built.start(i), built.end(i));
            if (lost > 0) {
                missing += lost;
                where.add(built.areas().get(built.areaOfRange(i)).describe());
            }
        }
        if (missing > 0) {
            warnings.add("%d bytes of root memory are not in the core (%s): blocks only they point to show as leaked",
                    missing, String.join("; ", where));
        }
    }

    /** How many bytes of [start, end) the core file holds. */
    private long heldBytes(long start, long end) {
        long held = 0;
        for (Segment s : core.segments()) {
            long inFile = Math.max(0, Math.min(Math.min(s.fileSize(), s.memSize()), core.fileSize() - s.fileOffset()));
            long from = Math.max(start, s.vaddr());
            long to = Math.min(end, s.vaddr() + inFile);
            held += Math.max(0, to - from);
        }
        return held;
    }

    static String threadName(int index, ThreadInfo t) {
        return "thread " + (index + 1) + " (LWP " + t.tid() + ")";
    }

    private void moduleData(Module m) {
        int area = regions.area(new RootArea(RootKind.MODULE_DATA, m.path(), m.path(), -1));
        if (m.fileMatches()) {
            try (ElfFile elf = ElfFile.open(m.localFile())) {
                for (ProgramHeader ph : elf.programHeaders()) {
                    if (ph.type() == ProgramHeader.PT_LOAD && (ph.flags() & Segment.PF_W) != 0) {
                        long start = (m.loadBias() + ph.vaddr()) & -PAGE;
                        long end = (m.loadBias() + ph.vaddr() + ph.memSize() + PAGE - 1) & -PAGE;
                        regions.add(start, end, area);
                    }
                }
                return;
            } catch (CoreFormatException e) {
                warnings.note("%s: %s; its writable mappings in the core are its roots", m.path(), e.getMessage());
            }
        }
        for (MappedFile f : core.files()) {
            if (f.path().equals(m.path())) {
                for (Segment s : core.segments()) {
                    if (s.writable() && s.vaddr() < f.end() && f.start() < s.end()) {
                        regions.add(Math.max(s.vaddr(), f.start()), Math.min(s.end(), f.end()), area);
                    }
                }
            }
        }
    }

    private void stack(int index, ThreadInfo t) {
        Segment s = segmentAt(t.rsp());
        if (s == null) {
            warnings.add("%s: its stack pointer 0x%x lies in no segment of the core: its stack is not a root",
                    threadName(index, t), t.rsp());
            return;
        }
        int area = regions.area(new RootArea(RootKind.STACK, threadName(index, t), null, index));
        regions.add(Math.max(s.vaddr(), t.rsp() - RED_ZONE), s.end(), area);
    }

    private void tls(int index, ThreadInfo t) {
        Segment s = segmentAt(t.fsBase());
        if (s == null || t.fsBase() == 0) {
            return;
        }
        if (staticTls != null) {
            for (TlsBlocks.Block b : staticTls) {
                int area = regions.area(new RootArea(RootKind.TLS, b.module() + " in " + threadName(index, t), b.module(), index));
                regions.add(t.fsBase() - b.offset(), t.fsBase() - b.offset() + b.size(), area);
            }
        }
        if (holdsStackPointer(s)) {
            return; // a thread descriptor on its thread's stack mapping lies above the stack pointer: a stack root already
        }
        int area = regions.area(new RootArea(RootKind.TLS, threadName(index, t), null, index));
        long below = staticTls == null ? TLS_BELOW : 0;
        regions.add(Math.max(s.vaddr(), t.fsBase() - below), Math.min(s.end(), t.fsBase() + TLS_ABOVE), area);
    }

    /** Clipped to the core's segments: what is excluded is memory that would have been scanned. */
    private void excludeMetadata(List<OwnedMemory.Range> metadata) {
        for (int i = 0; i < blocks.metadataCount(); i++) {
            exclude(blocks.metadataStart(i), blocks.metadataEnd(i));
        }
        for (OwnedMemory.Range r : metadata) {
            exclude(r.start(), r.end());
        }
    }

    private void exclude(long start, long end) {
        for (Segment s : core.segments()) {
            if (s.vaddr() < end && start < s.end()) {
                regions.exclude(Math.max(start, s.vaddr()), Math.min(end, s.end()));
            }
        }
    }

    /** Writable segments holding no live block and no stack pointer: maybe the program's own mmaps. */
    private void anonymous() {
        for (Segment s : core.segments()) {
            if (!s.writable() || (s.flags() & Segment.PF_R) == 0 || holdsBlock(s) || holdsStackPointer(s)) {
                continue;
            }
            String name = String.format("0x%x-0x%x", s.vaddr(), s.end());
            regions.add(s.vaddr(), s.end(), regions.area(new RootArea(RootKind.ANONYMOUS, name, null, -1)));
        }
    }

    /** A set-apart metadata block counts: it lies in the allocator's heap mappings, among the blocks. */
    private boolean holdsBlock(Segment s) {
        int i = blocks.indexOf(s.vaddr());
        if (i >= 0) {
            return true;
        }
        int next = blocks.firstAtOrAbove(s.vaddr());
        if (next < blocks.count() && blocks.start(next) < s.end()) {
            return true;
        }
        for (int m = 0; m < blocks.metadataCount(); m++) {
            if (blocks.metadataStart(m) < s.end() && s.vaddr() < blocks.metadataEnd(m)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsStackPointer(Segment s) {
        return core.threads().stream().anyMatch(t -> s.contains(t.rsp()));
    }

    private Segment segmentAt(long address) {
        for (Segment s : core.segments()) {
            if (s.contains(address)) {
                return s;
            }
        }
        return null;
    }
}
