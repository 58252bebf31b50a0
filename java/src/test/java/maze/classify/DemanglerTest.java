package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import maze.testing.Fixtures;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemanglerTest {

    @BeforeAll
    static void needsCxxFilt() {
        boolean found = false;
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "c++filt"));
        }
        Fixtures.require(found, "c++filt (binutils) is not installed");
    }

    @Test
    void realVtableNamesBecomeClassNames() {
        List<String> warnings = new ArrayList<>();
        List<String> names = new Demangler().demangleVtables(List.of(
                "_ZTV1A", "_ZTVN3foo3BarIiEE", "_ZTVSt9exception",
                "_ZTVN10__cxxabiv117__class_type_infoE", "_ZTVNSt7__cxx1118basic_stringstreamIcSt11char_traitsIcESaIcEEE"),
                warnings::add);
        assertEquals(List.of("A", "foo::Bar<int>", "std::exception", "__cxxabiv1::__class_type_info",
                "std::__cxx11::basic_stringstream<char, std::char_traits<char>, std::allocator<char> >"), names);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aNameCxxFiltCannotReadStaysMangledWithAWarning() {
        List<String> warnings = new ArrayList<>();
        List<String> names = new Demangler().demangleVtables(
                List.of("_ZTV1A", "_ZTVzz?", "_ZTV1B\nx"), warnings::add);
        assertEquals(List.of("A", "_ZTVzz?", "_ZTV1B\nx"), names);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("2 vtable names"), warnings.get(0));
    }

    @Test
    void aMissingCxxFiltLeavesNamesMangledWithOneWarning() {
        List<String> warnings = new ArrayList<>();
        List<String> names = new Demangler(List.of("/nonexistent/c++filt"))
                .demangleVtables(List.of("_ZTV1A", "_ZTV1B"), warnings::add);
        assertEquals(List.of("_ZTV1A", "_ZTV1B"), names);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("mangled"), warnings.get(0));
    }

    @Test
    void oneAnalysisStartsCxxFiltOnceForManyNames(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Demangler counting = new Demangler(List.of("sh", "-c", "echo run >> '" + runs + "'; exec c++filt"));
        List<VtableSymbol> symbols = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // more text than two pipe buffers each way: a writer that blocks would hang here
            long address = 0x100000L + 64L * i;
            String klass = "Klass" + address;
            symbols.add(new VtableSymbol("_ZTVN9namespace" + klass.length() + klass + "E", address, 48));
        }
        VtableIndex index = VtableIndex.build(symbols, counting, w -> { });
        assertEquals(List.of("run"), Files.readAllLines(runs));
        assertEquals(20_000, index.names().classCount());
        int id = index.classOf(0x100000L + 64L * 12_345 + 16);
        assertEquals("namespace::Klass" + (0x100000L + 64L * 12_345), index.names().className(id));
    }
}
