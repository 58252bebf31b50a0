package maze.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the dynamic linker's list of loaded objects inside the core: the executable's PT_DYNAMIC
 * -> DT_DEBUG -> struct r_debug -> r_map -> struct link_map. Only the public-ABI fields are read
 * (r_debug.r_map at 8; link_map l_addr 0, l_name 8, l_ld 16, l_next 24). Bounded and cycle-safe:
 * what cannot be read becomes a warning and an empty or shorter list.
 */
final class LinkMap {
    /** One loaded object: load bias, the name the linker used ("" for the executable), its dynamic section. */
    record Entry(long bias, String name, long ld) {
    }

    private static final int MAX_OBJECTS = 65536;
    private static final int MAX_DYNAMIC = 4096;
    private static final int MAX_NAME = 4096;

    private LinkMap() {
    }

    /** The objects, in link_map order, or an empty list with a warning saying why not. */
    static List<Entry> walk(SegmentReader mem, List<ProgramHeader> exePhdrs, long exeBias, List<String> warnings) {
        try {
            long rDebug = debugPointer(mem, exePhdrs, exeBias);
            if (rDebug == 0 && exePhdrs.stream().noneMatch(ph -> ph.type() == ProgramHeader.PT_INTERP)) {
                return List.of(); // a static executable: no dynamic linker, no link map, nothing missing
            }
            if (rDebug == 0) {
                warnings.add("the executable's DT_DEBUG is 0 (the core was taken before "
                        + "the dynamic linker ran): libraries come from NT_FILE only");
                return List.of();
            }
            return entries(mem, mem.word(rDebug + 8), warnings);
        } catch (SegmentReader.Missing e) {
            warnings.add("link_map walk stopped: " + e.getMessage() + "; libraries come from NT_FILE only");
            return List.of();
        }
    }

    private static long debugPointer(SegmentReader mem, List<ProgramHeader> phdrs, long bias) {
        for (ProgramHeader ph : phdrs) {
            if (ph.type() != ProgramHeader.PT_DYNAMIC) {
                continue;
            }
            long addr = ph.vaddr() + bias;
            for (int i = 0; i < MAX_DYNAMIC; i++, addr += 16) {
                long tag = mem.word(addr);
                if (tag == DynamicEntry.DT_NULL) {
                    break;
                }
                if (tag == DynamicEntry.DT_DEBUG) {
                    return mem.word(addr + 8);
                }
            }
        }
        return 0;
    }

    private static List<Entry> entries(SegmentReader mem, long first, List<String> warnings) {
        List<Entry> list = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long lm = first; lm != 0; lm = mem.word(lm + 24)) {
            if (!seen.add(lm) || list.size() >= MAX_OBJECTS) {
                warnings.add(String.format("link_map list loops or is too long at 0x%x; cut there", lm));
                break;
            }
            long namePtr = mem.word(lm + 8);
            String name = namePtr == 0 ? "" : mem.cString(namePtr, MAX_NAME);
            if (name == null) {
                warnings.add(String.format("link_map name at 0x%x is not in the core", namePtr));
                name = "";
            }
            list.add(new Entry(mem.word(lm), name, mem.word(lm + 16)));
        }
        return list;
    }

    /** Program headers read from memory at {@code address}, or null when the core lacks them. */
    static List<ProgramHeader> phdrsAt(SegmentReader mem, long address, int count) {
        if (count <= 0 || count > 4096) {
            return null;
        }
        ByteBuffer b = mem.read(address, count * ElfHeader.PHDR_SIZE);
        return b == null ? null : ProgramHeader.parseAll(b, count);
    }
}
