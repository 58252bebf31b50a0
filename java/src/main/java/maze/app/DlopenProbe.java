package maze.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.core.DynamicEntry;
import maze.core.ElfFile;
import maze.core.ProgramHeader;
import maze.heap.mimalloc.MiVersion;

/**
 * The optional dlopen probe ({@code maze info --dlopen-probe}): asks mimalloc its version by
 * loading the library in a child ({@link ProbeChild}) and calling mi_version(). Candidates are
 * tried in order; an executable (dlopen refuses both kinds) or any failure is skipped with its
 * reason and the probe is not done: it is done only once a real library answered with a version.
 * (An earlier tool marked its probe done after a first attempt on the PIE test program named
 * "mimalloc", and never asked the real library.)
 */
public final class DlopenProbe {
    /** e_type of a fixed-address executable; ElfFile.type() returns it. */
    private static final int ET_EXEC = 2;

    private final ProbeChild child;

    /** A candidate that did not answer, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** The version and the file that gave it, both null when not done; every skip either way. */
    public record Result(MiVersion version, Path answeredBy, List<Skipped> skipped) {
        public boolean done() {
            return version != null;
        }
    }

    public DlopenProbe(ProbeChild child) {
        this.child = child;
    }

    public Result probe(List<Path> candidates) throws IOException, InterruptedException {
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : candidates) {
            String program = executable(file);
            if (program != null) {
                skipped.add(new Skipped(file, program));
                continue;
            }
            ProbeChild.Outcome o = child.run(file);
            MiVersion v = o.kind() == ProbeChild.Kind.OK ? MiVersion.fromRaw(o.raw()) : null;
            if (v != null) {
                return new Result(new MiVersion(v.generation(), v.raw(), v.text(), "dlopen probe"), file,
                        List.copyOf(skipped));
            }
            skipped.add(new Skipped(file, reason(o)));
        }
        return new Result(null, null, List.copyOf(skipped));
    }

    private static String reason(ProbeChild.Outcome o) {
        return switch (o.kind()) {
            case OK -> "mi_version() returned " + o.raw() + ", which is no mimalloc version";
            case DLOPEN_FAILED -> "dlopen failed: " + o.message();
            case NO_MI_VERSION, FAILED -> o.message();
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
