package maze.heap.mimalloc;

import java.util.Optional;
import java.util.OptionalInt;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.memory.MemoryView;

/**
 * Finds mimalloc by its exports in any module (a shared library of any name, or the executable it
 * was linked into) and reads its version from the code, never by running it. Linked from a 2.2+
 * or 3.x static archive (built with hidden visibility), an executable keeps mi_malloc only as a
 * local symbol while mi_version stays global: either marks mimalloc, the latter only when its code
 * returns a mimalloc version and the file defines mi_malloc too.
 */
final class MimallocDetector {
    /** Bytes of mi_version() to read: endbr64 + frame + mov + pop + ret fit in 16. */
    private static final int VERSION_BODY = 16;

    record Found(Module module, MiVersion version) {
    }

    private MimallocDetector() {
    }

    static Optional<Found> detect(HeapContext ctx) {
        Found first = null;
        for (Module mod : ctx.core().modules()) {
            if (mod.localFile() == null) {
                continue;
            }
            Found f = inspect(ctx, mod);
            if (f != null && first == null) {
                first = f;
            } else if (f != null) {
                ctx.warnings().add("mimalloc also in %s; analyzing only %s", mod.path(), first.module().path());
            }
        }
        return Optional.ofNullable(first);
    }

    private static Found inspect(HeapContext ctx, Module mod) {
        try (ModuleFile file = new ModuleFile(ElfFile.open(mod.localFile()))) {
            return isMimalloc(ctx.memory(), mod, file) ? new Found(mod, version(ctx.memory(), mod, file)) : null;
        } catch (RuntimeException e) {
            ctx.warnings().add("mimalloc detection skipped %s: %s", mod.path(), e.getMessage());
            return null;
        }
    }

    static boolean isMimalloc(MemoryView memory, Module mod, ModuleFile file) {
        if (file.export("mi_malloc") != null) {
            return true;
        }
        ElfSymbol fn = file.export("mi_version");
        return fn != null && file.defines("mi_malloc")
                && MiVersionBody.decode(code(memory, mod, file, fn.value(), VERSION_BODY)).stream()
                .anyMatch(raw -> MiVersion.fromRaw(raw) != null);
    }

    static MiVersion version(MemoryView memory, Module mod, ModuleFile file) {
        return version(file, (vaddr, len) -> code(memory, mod, file, vaddr, len));
    }

    /** Code bytes at a link-time address (empty for address 0). */
    interface Code {
        byte[] at(long vaddr, int len);
    }

    /** The version of a library file alone (no core): for deriving its layout table. */
    static MiVersion version(ModuleFile file) {
        return version(file, (vaddr, len) -> vaddr == 0 ? new byte[0] : file.bytesAt(vaddr, len));
    }

    private static MiVersion version(ModuleFile file, Code code) {
        ElfSymbol fn = file.export("mi_version");
        if (fn != null) {
            OptionalInt raw = MiVersionBody.decode(code.at(fn.value(), VERSION_BODY));
            MiVersion v = raw.isPresent() ? MiVersion.fromRaw(raw.getAsInt()) : null;
            if (v != null && v.raw() != 100) {
                return v;
            }
        }
        return MiVersion.generationOnly(generation(file, code),
                fn == null ? "markers, " + MiVersion.NO_VERSION_EXPORT : "markers");
    }

    /**
     * The generation by code markers: mi_usable_size's segment mask, or in an -O0 build (which
     * calls out before masking) the mask in its local _mi_ptr_segment.
     */
    static int generation(MemoryView memory, Module mod, ModuleFile file) {
        return generation(file, (vaddr, len) -> code(memory, mod, file, vaddr, len));
    }

    private static int generation(ModuleFile file, Code code) {
        return GenerationMarkers.generation(file, code.at(addressOf(file, "mi_usable_size"), GenerationMarkers.BODY),
                code.at(file.definedAddress("_mi_ptr_segment"), GenerationMarkers.BODY));
    }

    /** Code bytes: the core when it kept them (a kernel core may), else the module file (gcore omits text). */
    static byte[] code(MemoryView memory, Module mod, ModuleFile file, long vaddr, int len) {
        if (vaddr == 0) {
            return new byte[0];
        }
        long at = mod.loadBias() + vaddr;
        if (memory.isAvailable(at, len)) {
            byte[] b = new byte[len];
            memory.read(at, b, 0, len);
            return b;
        }
        return file.bytesAt(vaddr, len);
    }

    private static long addressOf(ModuleFile file, String export) {
        ElfSymbol s = file.export(export);
        return s == null ? 0 : s.value();
    }
}
