package maze.mimalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import maze.heap.mimalloc.MiVersionBody;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import maze.testing.MimallocBuilds.Build;
import org.junit.jupiter.api.Test;

/**
 * Checks what tests/provision/mimalloc.sh left in the allocator cache: every build listed in its
 * index exists with the recorded build-id, has DWARF exactly when its kind says so, and reports the
 * expected version through the immediate in {@code mi_version()}.
 */
class ProvisionTest {
    /** mi_version() values by release: the old major*100+minor+patch style, then 5 digits. */
    private static final Map<String, Integer> VERSION_IMMEDIATE = Map.of(
            "2.0.9", 209, "3.0.1", 301, "3.6.0", 30600);

    static List<Build> builds() throws IOException {
        return MimallocBuilds.all();
    }

    @Test
    void everyKindAndVersionIsProvisioned() throws IOException {
        List<Build> builds = builds();
        List<String> names = builds.stream().map(Build::name).collect(Collectors.toList());
        assertEquals(List.of("mimalloc-2.0.9-debug", "mimalloc-2.0.9-relwithdebinfo",
                "mimalloc-2.0.9-debian-flags", "debian-2.0.9", "debian-3.0.1", "debian-3.6.0"), names);
    }

    @Test
    void eachBuildHasItsBuildIdDebugInfoAndVersion() throws IOException {
        for (Build b : builds()) {
            assertTrue(Files.isRegularFile(b.path()), b + ": file missing");
            ElfSections elf = ElfSections.read(b.path());
            assertEquals(b.buildId(), elf.buildId().orElse("none"), b.name() + ": build-id");
            assertEquals(b.hasDwarf(), elf.has(".debug_info"), b.name() + ": .debug_info");
            assertEquals(b.hasDwarf(), elf.has(".symtab"), b.name() + ": .symtab (hidden globals)");
            if (!b.hasDwarf()) {
                assertTrue(elf.has(".gnu_debuglink"), b.name() + ": stripped but no .gnu_debuglink");
            }
            byte[] body = elf.dynamicSymbolBytes("mi_version", 16).orElseThrow(
                    () -> new AssertionError(b.name() + ": mi_version not in .dynsym"));
            OptionalInt imm = MiVersionBody.decode(body);
            assertEquals(OptionalInt.of(VERSION_IMMEDIATE.get(b.version())), imm, b.name() + ": mi_version()");
        }
    }

    /**
     * The rebuild with Debian's flags must be byte-identical to Debian's stripped 2.0.9 in code and
     * data: then its DWARF and .symtab (hidden globals, struct layouts) hold for Debian's binary too.
     */
    @Test
    void debianFlagsRebuildMatchesDebianBinary() throws IOException {
        List<Build> builds = builds();
        ElfSections twin = ElfSections.read(find(builds, "mimalloc-2.0.9-debian-flags").path());
        ElfSections debian = ElfSections.read(find(builds, "debian-2.0.9").path());
        for (String s : List.of(".text", ".rodata", ".data", ".data.rel.ro", ".tdata", ".bss", ".tbss")) {
            assertEquals(debian.section(s).map(ElfSections.Section::addr),
                    twin.section(s).map(ElfSections.Section::addr), s + " address");
            assertEquals(debian.section(s).map(ElfSections.Section::size),
                    twin.section(s).map(ElfSections.Section::size), s + " size");
            assertArrayEquals(debian.bytes(s), twin.bytes(s), s + " bytes");
        }
        assertFalse(twin.buildId().equals(debian.buildId()), "build-ids differ: debug info is hashed too");
    }

    private static Build find(List<Build> builds, String name) {
        return builds.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the index"));
    }
}
