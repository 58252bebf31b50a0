package maze.core;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the module list: the executable (its load bias from AT_PHDR), then the libraries from the
 * link_map (or, when that cannot be walked, from NT_FILE), each joined with its NT_FILE real path,
 * its build-id from the core's copy of its ELF headers, and the matching file on this host.
 */
final class ModuleResolver {
    private static final int MAX_NOTE = 1 << 16;

    private final CoreNotes notes;
    private final SegmentReader mem;
    private final CoreOptions opts;
    private final List<String> warnings;

    ModuleResolver(CoreNotes notes, SegmentReader mem, CoreOptions opts, List<String> warnings) {
        this.notes = notes;
        this.mem = mem;
        this.opts = opts;
        this.warnings = warnings;
    }

    List<Module> resolve(String exeRealPath, String execFn) {
        long phdrAddr = notes.auxv().getOrDefault(CoreNotes.AT_PHDR, 0L);
        long phnum = notes.auxv().getOrDefault(CoreNotes.AT_PHNUM, 0L);
        List<ProgramHeader> phdrs = LinkMap.phdrsAt(mem, phdrAddr, (int) Math.min(phnum, Integer.MAX_VALUE));
        List<Module> modules = new ArrayList<>();
        if (phdrs == null) {
            warnings.add(String.format("the executable's program headers (AT_PHDR 0x%x) are not in the core", phdrAddr));
            modules.add(exeModule(exeRealPath, execFn, 0));
            modules.addAll(fromMappedFiles(exeRealPath));
            return modules;
        }
        long exeBias = exeBias(phdrs, phdrAddr, exeRealPath);
        modules.add(exeModule(exeRealPath, execFn, exeBias));
        List<LinkMap.Entry> entries = LinkMap.walk(mem, phdrs, exeBias, warnings);
        if (entries.isEmpty()) {
            modules.addAll(fromMappedFiles(exeRealPath));
        }
        for (LinkMap.Entry e : entries) {
            if (!e.name().isEmpty()) {
                String real = pathContaining(e.ld());
                modules.add(module(real != null ? real : e.name(), e.name(), e.bias(), real != null, false));
            }
        }
        return modules;
    }

    /** AT_PHDR minus PT_PHDR's link-time address; without PT_PHDR (static) AT_ENTRY minus e_entry. */
    private long exeBias(List<ProgramHeader> phdrs, long phdrAddr, String exePath) {
        for (ProgramHeader ph : phdrs) {
            if (ph.type() == ProgramHeader.PT_PHDR) {
                return phdrAddr - ph.vaddr();
            }
        }
        ByteBuffer h = mem.read(firstMapping(exePath), ElfHeader.SIZE);
        Long entry = notes.auxv().get(CoreNotes.AT_ENTRY);
        if (h != null && ElfHeader.isElf(h) && entry != null) {
            return entry - h.getLong(24);
        }
        warnings.add("no PT_PHDR and no ELF header of the executable in the core: its load bias is taken as 0");
        return 0;
    }

    private Module exeModule(String realPath, String execFn, long bias) {
        Module m = module(realPath, execFn != null ? execFn : realPath, bias, true, true);
        if (opts.exe() == null) {
            return m;
        }
        if (!Files.isRegularFile(opts.exe())) {
            throw new CoreFormatException(opts.exe(), "no such file (given as --exe)");
        }
        String fileId = fileBuildId(opts.exe());
        if (m.buildId() != null && fileId != null && !m.buildId().equals(fileId)) {
            warnings.add("--exe " + opts.exe() + " has build-id " + fileId + ", the core's executable " + m.buildId());
        }
        return new Module(m.path(), m.linkName(), bias, m.buildId(), opts.exe(), fileId, true);
    }

    private Module module(String path, String linkName, long bias, boolean mapped, boolean exe) {
        String coreId = coreBuildId(mapped ? firstMapping(path) : bias, bias);
        Path local = exe && opts.exe() != null ? null : localFile(path, linkName);
        String fileId = local == null ? null : fileBuildId(local);
        if (local != null && coreId != null && fileId != null && !coreId.equals(fileId)) {
            warnings.add(local + " has build-id " + fileId + " but the process ran " + coreId);
        }
        if (coreId == null && fileId != null) {
            warnings.add("the core does not hold the build-id of " + path + "; using " + local + "'s, unverified");
            coreId = fileId;
        }
        return new Module(path, linkName, bias, coreId, local, fileId, exe);
    }

    /** Where this host has the module: sysroot + link name, else sysroot + real path (gdb's order). */
    private Path localFile(String path, String linkName) {
        List<Path> candidates = new ArrayList<>();
        if (opts.sysroot() != null) {
            if (linkName != null && linkName.startsWith("/")) {
                candidates.add(Path.of(opts.sysroot().toString(), linkName));
            }
            candidates.add(Path.of(opts.sysroot().toString(), path));
        } else if (path.startsWith("/")) {
            candidates.add(Path.of(path));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private String fileBuildId(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            return elf.buildId();
        } catch (CoreFormatException e) {
            warnings.add(e.getMessage());
            return null;
        }
    }

    /** The build-id from the ELF header page the core kept at {@code base}, or null. */
    private String coreBuildId(long base, long bias) {
        ByteBuffer h = mem.read(base, ElfHeader.SIZE);
        if (h == null || !ElfHeader.isElf(h)) {
            return null;
        }
        List<ProgramHeader> phdrs = LinkMap.phdrsAt(mem, base + h.getLong(32), Short.toUnsignedInt(h.getShort(56)));
        if (phdrs == null) {
            return null;
        }
        for (ProgramHeader ph : phdrs) {
            if (ph.type() == ProgramHeader.PT_NOTE && ph.fileSize() > 0 && ph.fileSize() <= MAX_NOTE) {
                ByteBuffer notesArea = mem.read(ph.vaddr() + bias, (int) ph.fileSize());
                if (notesArea != null) {
                    try {
                        String id = ElfNote.buildId(ElfNote.parse(notesArea, ph.align() == 8 ? 8 : 4, null));
                        if (id != null) {
                            return id;
                        }
                    } catch (CoreFormatException e) {
                        // a damaged note in memory: the file's build-id still tells
                    }
                }
            }
        }
        return null;
    }

    private String pathContaining(long address) {
        return notes.files().stream().filter(f -> f.contains(address)).map(MappedFile::path).findFirst().orElse(null);
    }

    /** The start of the lowest mapping of {@code path} at file offset 0 (its ELF header). */
    private long firstMapping(String path) {
        return notes.files().stream().filter(f -> f.path().equals(path) && f.fileOffset() == 0)
                .mapToLong(MappedFile::start).min().orElse(0);
    }

    /** Fallback without a link_map: every mapped file whose first page in the core is an ELF header. */
    private List<Module> fromMappedFiles(String exePath) {
        Map<String, Long> bases = new LinkedHashMap<>();
        for (MappedFile f : notes.files()) {
            if (f.fileOffset() == 0 && !f.path().equals(exePath)) {
                bases.putIfAbsent(f.path(), f.start());
            }
        }
        List<Module> list = new ArrayList<>();
        bases.forEach((path, base) -> {
            ByteBuffer h = mem.read(base, ElfHeader.SIZE);
            if (h != null && ElfHeader.isElf(h) && h.getShort(16) == ElfHeader.ET_DYN) {
                // shared objects are linked at 0, so the first mapping's start is the bias
                list.add(module(path, path, base, true, false));
            }
        });
        return list;
    }
}
