package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link_map walk on a synthetic core whose one segment at 0x10000 holds an executable's ELF
 * header, program headers, build-id note, dynamic section, r_debug and a looping link_map list.
 */
class LinkMapTest {
    static final long BASE = 0x10000;
    static final long LIB_BIAS = 0x7000000;

    @TempDir
    Path tmp;

    /** A dynamic executable's image; {@code lastPhdrType} PT_INTERP for a dynamic one, another type for a static one. */
    private static byte[] image(long debugPtr, int firstPhdrType, int lastPhdrType) {
        ByteBuffer m = SyntheticCore.le(0x1000);
        m.put(0, SyntheticCore.header(4)).putShort(16, (short) ElfHeader.ET_DYN).putLong(24, 0x700);
        phdr(m, 0x40, firstPhdrType, 0x40, 4 * 56);
        phdr(m, 0x40 + 56, ProgramHeader.PT_NOTE, 0x140, 20);
        phdr(m, 0x40 + 112, ProgramHeader.PT_DYNAMIC, 0x200, 32);
        phdr(m, 0x40 + 168, lastPhdrType, 0x160, 16);
        m.putInt(0x140, 4).putInt(0x144, 4).putInt(0x148, 3).put(0x14c, "GNU\0".getBytes(StandardCharsets.US_ASCII));
        m.put(0x150, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        m.put(0x160, "/lib64/ld.so\0".getBytes(StandardCharsets.US_ASCII));
        m.putLong(0x200, DynamicEntry.DT_DEBUG).putLong(0x208, debugPtr);
        m.putInt(0x300, 1).putLong(0x308, BASE + 0x400);
        linkMap(m, 0x400, BASE, 0x500, BASE + 0x200, 0x440);
        linkMap(m, 0x440, LIB_BIAS, 0x510, LIB_BIAS + 0x1000, 0x480);
        linkMap(m, 0x480, 0x20000, 0x530, 0x20100, 0x440);   // points back: a cycle
        m.put(0x510, "/lib/libfoo.so.1\0".getBytes(StandardCharsets.US_ASCII));
        m.put(0x530, "linux-vdso.so.1\0".getBytes(StandardCharsets.US_ASCII));
        m.put(0x600, "./prog\0".getBytes(StandardCharsets.US_ASCII));
        return m.array();
    }

    private static void phdr(ByteBuffer m, int at, int type, long vaddr, long size) {
        m.putInt(at, type).putLong(at + 16, vaddr).putLong(at + 32, size).putLong(at + 40, size).putLong(at + 48, 4);
    }

    private static void linkMap(ByteBuffer m, int at, long bias, int name, long ld, int next) {
        m.putLong(at, bias).putLong(at + 8, BASE + name).putLong(at + 16, ld).putLong(at + 24, BASE + next);
    }

    private CoreModel read(long debugPtr, CoreOptions opts) throws IOException {
        return read(debugPtr, opts, ProgramHeader.PT_PHDR);
    }

    private CoreModel read(long debugPtr, CoreOptions opts, int firstPhdrType) throws IOException {
        return read(debugPtr, opts, firstPhdrType, ProgramHeader.PT_INTERP);
    }

    private CoreModel read(long debugPtr, CoreOptions opts, int firstPhdrType, int lastPhdrType) throws IOException {
        byte[] core = new SyntheticCore()
                .note("CORE", 1, SyntheticCore.prstatus(42, 0, 0, 0))
                .note("CORE", 6, SyntheticCore.auxv(3, BASE + 0x40, 5, 4, 9, BASE + 0x700, 31, BASE + 0x600))
                .note("CORE", 0x46494c45, SyntheticCore.ntFile(1,
                        new Object[] {BASE, BASE + 0x1000, 0L, "/bin/prog"},
                        new Object[] {LIB_BIAS, LIB_BIAS + 0x2000, 0L, "/usr/lib/libfoo.so.1.2"}))
                .load(BASE, image(debugPtr, firstPhdrType, lastPhdrType), 0x1000, Segment.PF_R | Segment.PF_W).build();
        return CoreReader.read(Files.write(tmp.resolve("core"), core), opts);
    }

    @Test
    void walksTheListAndJoinsRealPaths() throws IOException {
        CoreModel m = read(BASE + 0x300, CoreOptions.NONE);
        assertEquals("/bin/prog", m.exePath());
        assertEquals("./prog", m.execFn());
        List<Module> mods = m.modules();
        assertEquals(3, mods.size(), mods.toString());
        assertEquals(new Module("/bin/prog", "./prog", BASE, "deadbeef", null, null, true), mods.get(0));
        assertEquals(new Module("/usr/lib/libfoo.so.1.2", "/lib/libfoo.so.1", LIB_BIAS, null, null, null, false),
                mods.get(1));
        assertEquals("linux-vdso.so.1", mods.get(2).path());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("loops")), m.warnings().toString());
    }

    /** Static executables have no PT_PHDR: the bias comes from AT_ENTRY and the header's e_entry. */
    @Test
    void withoutPtPhdrTheEntryPointGivesTheBias() throws IOException {
        CoreModel m = read(BASE + 0x300, CoreOptions.NONE, 0);
        assertEquals(BASE, m.modules().get(0).loadBias());
        assertEquals(3, m.modules().size(), "the walk works with that bias: " + m.modules());
    }

    @Test
    void noDebugPointerFallsBackToMappedFiles() throws IOException {
        CoreModel m = read(0, CoreOptions.NONE);
        assertEquals(1, m.modules().size());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("DT_DEBUG")), m.warnings().toString());
    }

    /** A static executable (no program interpreter) has no link map to miss: no warning. */
    @Test
    void aStaticExecutableHasNoLinkMapAndNothingMissing() throws IOException {
        CoreModel m = read(0, CoreOptions.NONE, ProgramHeader.PT_PHDR, ProgramHeader.PT_NOTE);
        assertEquals(1, m.modules().size());
        assertEquals(List.of(), m.warnings());
    }

    /** Puts an ELF file at {@code relative} under the test's sysroot. */
    private Path inSysroot(String relative) throws IOException {
        Path p = tmp.resolve("sysroot").resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.copy(Fixtures.binary("info_fixture"), p);
    }

    @Test
    void sysrootPrefersTheLinkName() throws IOException {
        Path byLink = inSysroot("lib/libfoo.so.1");
        inSysroot("usr/lib/libfoo.so.1.2");
        Module lib = read(BASE + 0x300, new CoreOptions(null, tmp.resolve("sysroot"))).modules().get(1);
        assertEquals(byLink, lib.localFile());
        assertTrue(lib.fileMatches());
    }

    @Test
    void sysrootFallsBackToTheRealPath() throws IOException {
        Path byReal = inSysroot("usr/lib/libfoo.so.1.2");
        CoreModel m = read(BASE + 0x300, new CoreOptions(null, tmp.resolve("sysroot")));
        assertEquals(byReal, m.modules().get(1).localFile());
        assertNull(m.modules().get(0).localFile(), "no /bin/prog under the sysroot");
    }

    @Test
    void aMissingSysrootIsAWarning() throws IOException {
        CoreModel m = read(BASE + 0x300, new CoreOptions(null, tmp.resolve("no-sysroot")));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("no-sysroot")), m.warnings().toString());
    }
}
