package maze.heap.glibc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.core.Module;
import maze.core.ProgramHeader;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.ModuleEvidence;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * glibc linked into the executable. Its malloc structs are those of the shared libc of the same
 * release (one source, built twice), so their layouts come from this host's libc and its debug
 * info when the versions are equal; the addresses (main_arena, mp_, the tcache TLS slot) come from
 * the executable's own symbols. The arena checks then test the pairing on the core like any table.
 */
final class StaticGlibc {
    static final Path HOST_LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
    private static final String[] SYMBOLS = {"main_arena", "mp_", "__libc_version"};

    private StaticGlibc() {
    }

    /** Why a static executable's glibc cannot be walked, or null when its symbols (or its debug file's) allow it. */
    static String refusal(HeapContext ctx, Module exe) {
        return symbols(ctx, exe) != null ? null : "glibc linked statically into the executable, whose symbols (and"
                + " debug file, if any) lack main_arena or mp_: its malloc state cannot be found";
    }

    /** main_arena, mp_ (with their sizes), __libc_version and the tcache TLS slot; null without main_arena and mp_. */
    private static Map<String, Long> symbols(HeapContext ctx, Module exe) {
        return ModuleEvidence.askSymbols(ctx, exe, elf -> {
            Map<String, Long> s = symbols(elf);
            return s.containsKey("main_arena") && s.containsKey("mp_") ? s : null;
        });
    }

    /**
     * Struct layouts from this host's libc, symbols from the executable. The pairing is refused
     * unless the executable's main_arena and mp_ have exactly the sizes of the host's structs, and
     * (where the executable states its version) the versions are equal.
     */
    static LayoutSource layouts(HeapContext ctx, Detection<Void> d, LayoutSourceOf hostLayouts) {
        Module exe = d.module();
        if (!Files.isReadable(HOST_LIBC)) {
            throw new LayoutException("glibc linked statically: no " + HOST_LIBC + " on this host to take its struct layouts from");
        }
        Module host = hostModule();
        String hostVersion = ModuleEvidence.ask(host, elf -> ModuleEvidence.rodataMatch(elf, GlibcDetector.BANNER));
        if (d.version().known() && !d.version().text().equals(hostVersion)) {
            throw new LayoutException("glibc " + d.version().text() + " linked statically: this host's libc is "
                    + (hostVersion == null ? "of unknown version" : hostVersion)
                    + ", whose struct layouts may differ; analyze the core on a host with glibc " + d.version().text());
        }
        Map<String, Long> symbols = symbols(ctx, exe);
        if (symbols == null) {
            throw new LayoutException("cannot read main_arena and mp_ from the symbols of " + exe.path());
        }
        LayoutSource structs = hostLayouts.of(host);
        sameSize(symbols, "main_arena", structs.struct("struct malloc_state").size(), hostVersion);
        sameSize(symbols, "mp_", structs.struct("struct malloc_par").size(), hostVersion);
        return new Paired(structs, symbols);
    }

    private static void sameSize(Map<String, Long> symbols, String name, long structSize, String hostVersion) {
        Long size = symbols.get("size:" + name);
        if (size == null || size != structSize) {
            throw new LayoutException(String.format("glibc linked statically: its %s is %s bytes where this host's"
                    + " libc %s has %d: another glibc release, whose layouts maze does not have", name,
                    size == null ? "an unknown number of" : size.toString(), hostVersion == null ? "" : hostVersion,
                    structSize));
        }
    }

    /**
     * The executable's own __libc_version when it has one; else this host's, whose struct sizes
     * {@link #layouts} proved equal to the executable's (the release decides safe-linking).
     */
    static String version(Detection<Void> d) {
        return d.version().known() ? d.version().text()
                : ModuleEvidence.ask(hostModule(), elf -> ModuleEvidence.rodataMatch(elf, GlibcDetector.BANNER));
    }

    /** The executable's TLS block offset below the thread pointer: roundup(PT_TLS memsz, align), as glibc sets it. */
    static long tlsBlockOffset(HeapContext ctx, Module exe) {
        Long offset = ModuleEvidence.ask(exe, elf -> {
            for (ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() == ProgramHeader.PT_TLS) {
                    long align = Math.max(1, ph.align());
                    return (ph.memSize() + align - 1) / align * align;
                }
            }
            return null;
        });
        if (offset == null) {
            ctx.warnings().add("the static executable has no TLS segment; thread caches (tcache) not read,"
                    + " their free chunks may show as live");
            return StaticTls.UNKNOWN;
        }
        return offset;
    }

    private static Map<String, Long> symbols(ElfFile elf) {
        Map<String, Long> out = new HashMap<>();
        for (String name : SYMBOLS) {
            ElfSymbol s = elf.findSymbol(name);
            if (s != null && !s.isTls()) {
                out.put(name, s.value());
                out.put("size:" + name, s.size());
            }
        }
        ElfSymbol tcache = elf.findSymbol("tcache");
        if (tcache != null && tcache.isTls()) {
            out.put("tls:tcache", tcache.value());
        }
        return out;
    }

    private static Module hostModule() {
        String id = ModuleEvidence.ask(new Module(HOST_LIBC.toString(), HOST_LIBC.toString(), 0, null, HOST_LIBC,
                null, false), ElfFile::buildId);
        return new Module(HOST_LIBC.toString(), HOST_LIBC.toString(), 0, id, HOST_LIBC, id, false);
    }

    /** How the plugin gets a module's layouts (the context's layout service). */
    interface LayoutSourceOf {
        LayoutSource of(Module module);
    }

    /** Structs of one file, symbols of another. */
    private record Paired(LayoutSource structs, Map<String, Long> symbols) implements LayoutSource {
        @Override
        public StructLayout struct(String name) {
            return structs.struct(name);
        }

        @Override
        public OptionalLong symbol(String name) {
            return LayoutSource.lookup(symbols, name);
        }

        @Override
        public OptionalLong tlsOffset(String name) {
            return LayoutSource.lookup(symbols, "tls:" + name);
        }
    }
}
