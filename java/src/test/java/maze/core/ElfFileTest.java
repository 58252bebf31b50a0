package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** ElfFile on real files of this host: the fixture, libc, libc's debug file, libstdc++. */
class ElfFileTest {
    static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    @Test
    void buildIdAgreesWithReadelf() throws IOException, InterruptedException {
        Path exe = Fixtures.binary("info_fixture");
        Process p = new ProcessBuilder("readelf", "-n", exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("Build ID: ([0-9a-f]+)").matcher(out);
        Fixtures.require(m.find(), "readelf shows no build-id for " + exe + ": " + out);
        try (ElfFile elf = ElfFile.open(exe)) {
            assertEquals(m.group(1), elf.buildId());
            assertEquals(ElfHeader.ET_DYN, elf.type());
        }
    }

    @Test
    void libcDynamicSymbolsAndDebugLink() {
        Fixtures.require(Files.isRegularFile(LIBC), LIBC + " is missing");
        try (ElfFile elf = ElfFile.open(LIBC)) {
            ElfSymbol malloc = elf.findSymbol("malloc");
            assertNotNull(malloc);
            assertEquals(ElfSymbol.STT_FUNC, malloc.type());
            assertTrue(malloc.dynamic() && malloc.defined() && malloc.value() != 0);
            assertNull(elf.findSymbol("malloc_no_such_symbol"));
            assertNull(elf.findSymbol("mallo"), "a prefix is not a name");
            assertNotNull(elf.debugLink());
            assertTrue(elf.debugLink().endsWith(".debug"), elf.debugLink());
            assertTrue(elf.dynamic().stream().anyMatch(d -> d.tag() == DynamicEntry.DT_SONAME));
        }
    }

    /** Hidden allocator state and TLS come from the separate debug file's .symtab. */
    @Test
    void libcDebugFileHasHiddenAndTlsSymbols() {
        Fixtures.require(Files.isRegularFile(LIBC), LIBC + " is missing");
        Path debug = DebugFiles.standard().find(LIBC);
        Fixtures.require(debug != null, "no debug file for libc (install libc6-dbg)");
        try (ElfFile elf = ElfFile.open(debug); ElfFile lib = ElfFile.open(LIBC)) {
            assertEquals(lib.buildId(), elf.buildId());
            assertTrue(elf.hasSymtab());
            ElfSymbol arena = elf.findSymbol("main_arena");
            assertEquals(ElfSymbol.STT_OBJECT, arena.type());
            assertEquals(ElfSymbol.STB_LOCAL, arena.binding());
            assertEquals(2200, arena.size());
            ElfSymbol tcache = elf.findSymbol("tcache");
            assertTrue(tcache.isTls(), tcache.toString());
            assertEquals(8, tcache.size());
        }
    }

    @Test
    void vtableSymbolsByPrefix() {
        Path stdcxx = Path.of("/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
        Fixtures.require(Files.isRegularFile(stdcxx), stdcxx + " is missing");
        try (ElfFile elf = ElfFile.open(stdcxx)) {
            List<ElfSymbol> vtables = elf.symbols("_ZTV");
            assertTrue(vtables.size() > 50, "vtables: " + vtables.size());
            assertTrue(vtables.stream().allMatch(s -> s.name().startsWith("_ZTV")));
            assertTrue(vtables.stream().anyMatch(s -> s.name().equals("_ZTVSt9exception")));
            int[] all = {0};
            elf.forEachSymbol("", s -> all[0]++);
            assertTrue(all[0] > vtables.size());
            assertFalse(elf.programHeaders().isEmpty());
            assertNotNull(elf.section(".dynsym"));
        }
    }
}
