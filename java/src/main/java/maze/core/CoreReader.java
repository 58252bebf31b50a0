package maze.core;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ELF64 little-endian x86-64 core (gcore's or the kernel's) into a {@link CoreModel}.
 * Anything else, and anything corrupt or truncated where the notes live, is a
 * {@link CoreFormatException} naming the file and the problem. Segment data cut off by a truncated
 * core is only a warning: the memory layer knows each segment's real extent from {@code fileSize}.
 */
public final class CoreReader {
    private static final int MAX_NOTES = 256 << 20;
    private static final int SH_INFO = 44;
    /** Far above any vm.max_map_count in use, and small enough to count in an int of bytes. */
    /** The x86-64 user address space (4-level paging): no mapping is larger. */
    private static final long MAX_SEGMENT = 1L << 47;
    private static final long MAX_PHNUM = Integer.MAX_VALUE / ElfHeader.PHDR_SIZE;

    private CoreReader() {
    }

    public static CoreModel read(Path core, CoreOptions opts) {
        CoreOptions o = opts == null ? CoreOptions.NONE : opts;
        try (FileBytes bytes = FileBytes.open(core)) {
            return read(bytes, o);
        }
    }

    private static CoreModel read(FileBytes bytes, CoreOptions opts) {
        Path file = bytes.path();
        if (bytes.size() == 0) {
            throw new CoreFormatException(file, "empty file, not a core");
        }
        ElfHeader h = ElfHeader.parse(bytes.read(0, Math.min(bytes.size(), ElfHeader.SIZE), "ELF header"), file);
        if (h.type() != ElfHeader.ET_CORE) {
            throw new CoreFormatException(file, "an ELF file of type " + h.type() + ", not a core (type 4)");
        }
        int phnum = programHeaderCount(h, bytes);
        List<ProgramHeader> phdrs = ProgramHeader.parseAll(
                bytes.read(h.phoff(), (long) phnum * ElfHeader.PHDR_SIZE, "program headers"), phnum);
        List<String> warnings = new ArrayList<>();
        if (opts.sysroot() != null && !Files.isDirectory(opts.sysroot())) {
            warnings.add("sysroot " + opts.sysroot() + " is not a directory: no module file will be found under it");
        }
        List<Segment> segments = segments(phdrs, bytes, warnings);
        CoreNotes notes = CoreNotes.parse(notes(phdrs, bytes), file);
        if (notes.threads().isEmpty()) {
            throw new CoreFormatException(file, "a core without NT_PRSTATUS notes (no threads)");
        }
        SegmentReader mem = new SegmentReader(bytes, segments);
        String execFn = execFn(notes, mem);
        String exeReal = exeRealPath(notes, execFn, warnings);
        List<Module> modules = new ModuleResolver(notes, mem, opts, warnings).resolve(exeReal, execFn);
        String exePath = opts.exe() != null ? opts.exe().toString() : exeReal;
        return new CoreModel(file, bytes.size(), notes.kernel(), notes.pid(), notes.ppid(), notes.fname(),
                notes.psargs(), execFn, exePath, notes.threads(), segments, notes.files(), notes.auxv(),
                List.copyOf(modules), List.copyOf(warnings));
    }

    /**
     * e_phnum, or with 0xffff there (PN_XNUM: a process of 65535 or more mappings, which the
     * kernel and gcore both write) the real count, kept in sh_info of section header 0.
     */
    static int programHeaderCount(ElfHeader h, FileBytes bytes) {
        if (h.phnum() != ElfHeader.PN_XNUM) {
            return h.phnum();
        }
        long count = Integer.toUnsignedLong(bytes.read(h.shoff(), ElfHeader.SHDR_SIZE, "section header 0 (PN_XNUM)")
                .getInt(SH_INFO));
        if (count > MAX_PHNUM) {
            throw new CoreFormatException(bytes.path(), count + " program headers is implausible");
        }
        return (int) count;
    }

    private static List<Segment> segments(List<ProgramHeader> phdrs, FileBytes bytes, List<String> warnings) {
        List<Segment> list = new ArrayList<>();
        for (ProgramHeader ph : phdrs) {
            if (ph.type() != ProgramHeader.PT_LOAD) {
                continue;
            }
            if (ph.fileSize() > 0 && !bytes.has(ph.offset(), ph.fileSize())) {
                warnings.add(String.format("core is truncated: segment 0x%x needs bytes up to 0x%x, the file has 0x%x",
                        ph.vaddr(), ph.offset() + ph.fileSize(), bytes.size()));
            }
            list.add(new Segment(ph.vaddr(), plausibleMemSize(ph, warnings), ph.offset(), ph.fileSize(), ph.flags()));
        }
        inOrder(list, warnings);
        return List.copyOf(list);
    }

    /**
     * The kernel and gcore write one PT_LOAD per mapping, ascending in address and in file offset:
     * a segment out of that order has a damaged address or offset, and its bytes would be read at
     * the wrong place without any other sign.
     */
    private static void inOrder(List<Segment> list, List<String> warnings) {
        Segment prev = null;
        Segment prevInFile = null;
        for (Segment s : list) {
            if (prev != null && Long.compareUnsigned(s.vaddr(), prev.end()) < 0) {
                warnings.add(String.format("segment 0x%x starts below the end 0x%x of the segment before it: a damaged"
                        + " program header; memory there may be read from the wrong bytes", s.vaddr(), prev.end()));
            }
            if (s.fileSize() > 0) {
                if (prevInFile != null && Long.compareUnsigned(s.fileOffset(), prevInFile.fileOffset() + prevInFile.fileSize()) < 0) {
                    warnings.add(String.format("segment 0x%x: its bytes at file offset 0x%x overlap those of segment 0x%x:"
                            + " a damaged program header", s.vaddr(), s.fileOffset(), prevInFile.vaddr()));
                }
                prevInFile = s;
            }
            prev = s;
        }
    }

    /**
     * A segment bigger than the x86-64 user address space, or one that wraps, is a damaged header:
     * walkers step through segments by their size, so only its bytes in the file are kept.
     */
    private static long plausibleMemSize(ProgramHeader ph, List<String> warnings) {
        long mem = ph.memSize();
        if (Long.compareUnsigned(mem, MAX_SEGMENT) <= 0 && Long.compareUnsigned(ph.vaddr() + mem, ph.vaddr()) >= 0) {
            return mem;
        }
        long kept = Long.compareUnsigned(ph.fileSize(), MAX_SEGMENT) <= 0 ? ph.fileSize() : 0;
        warnings.add(String.format("segment 0x%x: memory size 0x%x is implausible; only its 0x%x bytes in the file are used",
                ph.vaddr(), mem, kept));
        return kept;
    }

    static List<ElfNote> notes(List<ProgramHeader> phdrs, FileBytes bytes) {
        List<ElfNote> list = new ArrayList<>();
        for (ProgramHeader ph : phdrs) {
            if (ph.type() == ProgramHeader.PT_NOTE) {
                if (ph.fileSize() > MAX_NOTES) {
                    throw new CoreFormatException(bytes.path(), "PT_NOTE of " + ph.fileSize() + " bytes is implausible");
                }
                ByteBuffer area = bytes.read(ph.offset(), ph.fileSize(), "PT_NOTE");
                list.addAll(ElfNote.parse(area, 4, bytes.path()));
            }
        }
        return list;
    }

    private static String execFn(CoreNotes notes, SegmentReader mem) {
        Long p = notes.auxv().get(CoreNotes.AT_EXECFN);
        return p == null ? null : mem.cString(p, 4096);
    }

    /** The NT_FILE entry holding AT_PHDR is what really ran, whatever wrapper started it. */
    private static String exeRealPath(CoreNotes notes, String execFn, List<String> warnings) {
        Long phdr = notes.auxv().get(CoreNotes.AT_PHDR);
        if (phdr != null) {
            for (MappedFile f : notes.files()) {
                if (f.contains(phdr)) {
                    return f.path();
                }
            }
        }
        warnings.add("no NT_FILE entry holds AT_PHDR: the executable's path is a guess");
        if (execFn != null) {
            return execFn;
        }
        return notes.fname().isEmpty() ? "?" : notes.fname();
    }
}
