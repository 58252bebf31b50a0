package maze.pack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary counts files on disk: the vdso, which only the core holds, is not "missing". */
class PackResultTest {
    @Test
    void vdsoIsNotCountedAsAMissingFile() {
        List<TestBundles.Item> files = TestBundles.honestFiles();
        Manifest m = TestBundles.manifestFor(files);
        List<ManifestModule> mods = new java.util.ArrayList<>(m.modules());
        mods.add(new ManifestModule("linux-vdso.so.1", "linux-vdso.so.1", 0, "ee", null, false, null, null, null));
        Manifest withVdso = new Manifest(m.format(), m.mazeVersion(), m.packedAt(), m.host(), m.pid(), m.commandLine(),
                m.exe(), m.core(), mods, m.warnings());
        String s = new PackResult(Path.of("b.tar.gz"), withVdso).summary();
        assertTrue(s.contains("2 of 2 module files and 1 debug files into b.tar.gz"), s);
    }
}
