package maze.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.core.DynamicEntry;
import maze.core.ElfFile;
import maze.core.ProgramHeader;
import maze.heap.Version;
import maze.heap.VersionProbe;

/**
 * The optional dlopen probe ({@code maze info --dlopen-probe}): asks an allocator that offers it
 * ({@link VersionProbe}, e.g. mimalloc) its version by loading the library in a child
 * ({@link ProbeChild}) and calling its version function. Candidates are
 * tried in order; an executable (dlopen refuses both kinds) or any failure is skipped with its
 * reason and the probe is not done: it is done only once a real library answered with a version.
 * (An earlier tool marked its probe done after a first attempt on the PIE test program named
 * "mimalloc", and never asked the real library.)
 */
public final class DlopenProbe {
    /** e_type of a fixed-address executable; ElfFile.type() returns it. */
    private static final int ET_EXEC = 2;

    private final ProbeChild child;
    private final VersionProbe allocator;

    /** A candidate that did not answer, and why. */
    public record Skipped(Path file, String reason) {
    }

    /**
     * Which allocator and function were asked; the version, the function's raw answer and the file
     * that gave them (null and 0 when not done); every skip either way.
     */
    public record Result(String allocator, String function, Version version, int raw, Path answeredBy,
                         List<Skipped> skipped) {
        public boolean done() {
            return version != null;
        }
    }

    public DlopenProbe(ProbeChild child, VersionProbe allocator) {
        this.child = child;
        this.allocator = allocator;
    }

    public Result probe(List<Path> candidates) throws IOException, InterruptedException {
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : candidates) {
            String program = executable(file);
            if (program != null) {
                skipped.add(new Skipped(file, program));
                continue;
            }
            ProbeChild.Outcome o = child.run(file, allocator.versionFunction());
            Version v = o.kind() == ProbeChild.Kind.OK ? allocator.decode(o.raw()) : null;
            if (v != null) {
                return new Result(allocator.name(), allocator.versionFunction(), v, o.raw(), file, List.copyOf(skipped));
            }
            skipped.add(new Skipped(file, reason(o)));
        }
        return new Result(allocator.name(), allocator.versionFunction(), null, 0, null, List.copyOf(skipped));
    }

    private String reason(ProbeChild.Outcome o) {
        return switch (o.kind()) {
            case OK -> allocator.versionFunction() + "() returned " + o.raw() + ", which is no " + allocator.name()
                    + " version";
            case DLOPEN_FAILED -> "dlopen failed: " + o.message();
            case NO_FUNCTION, FAILED -> o.message();
        };
    }

    /**
     * Why {@code file} is a program rather than a library, or null for a library. Skipping these
     * before any child starts gives a clear reason; a kind this misses still fails in dlopen, which
     * is skipped the same way.
     */
    static String executable(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            if (elf.type() == ET_EXEC) {
                return "executable (ET_EXEC): dlopen cannot load it";
            }
            for (DynamicEntry d : elf.dynamic()) {
                if (d.tag() == DynamicEntry.DT_FLAGS_1 && (d.value() & DynamicEntry.DF_1_PIE) != 0) {
                    return "position-independent executable (DF_1_PIE): dlopen cannot load it";
                }
            }
            for (ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() == ProgramHeader.PT_INTERP) {
                    return "position-independent executable (PT_INTERP): dlopen cannot load it";
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "not a loadable ELF file: " + e.getMessage();
        }
    }
}
