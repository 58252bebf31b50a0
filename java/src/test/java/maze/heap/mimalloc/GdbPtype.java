package maze.heap.mimalloc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * Test-side DWARF reader: top-level struct members from {@code gdb -batch -ex 'ptype /o T'} and
 * symbols from the file's .symtab. Independent of the main layout layer on purpose, so a test can
 * hold the built-in tables against DWARF without trusting the code under test.
 */
final class GdbPtype {
    private static final Pattern MEMBER = Pattern.compile("^/\\*\\s+(\\d+)(?::\\s*\\d+)?\\s+\\|\\s+(\\d+) \\*/\\s+(.*);$");
    private static final Pattern TOTAL = Pattern.compile("/\\* total size \\(bytes\\):\\s+(\\d+) \\*/");

    private GdbPtype() {
    }

    static LayoutSource source(Path lib, LayoutRequest request) {
        Map<String, StructLayout> structs = new LinkedHashMap<>();
        for (String s : request.structs()) {
            structs.put(s, parse(s, ptype(lib, s)));
        }
        return new LayoutSource() {
            @Override
            public StructLayout struct(String name) {
                StructLayout s = structs.get(name);
                if (s == null) {
                    throw new LayoutException("no " + name + " in " + lib);
                }
                return s;
            }

            @Override
            public OptionalLong symbol(String name) {
                return symtab(lib, name);
            }

            @Override
            public OptionalLong tlsOffset(String name) {
                return symtab(lib, name);
            }
        };
    }

    static StructLayout parse(String name, List<String> lines) {
        Map<String, FieldLayout> fields = new LinkedHashMap<>();
        int depth = 0;
        long size = -1;
        for (String raw : lines) {
            String line = raw.trim();
            Matcher m = MEMBER.matcher(line);
            if (depth == 1 && m.matches()) {
                String decl = m.group(3).replaceAll("\\[.*?\\]", "").replaceAll("\\s*:\\s*\\d+$", "");
                String field = decl.substring(decl.lastIndexOf(' ') + 1).replace("*", "");
                fields.put(field, new FieldLayout(field, Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
            Matcher t = TOTAL.matcher(line);
            if (t.find() && depth == 1) {
                size = Long.parseLong(t.group(1));
            }
            depth += count(line, '{') - count(line, '}');
        }
        if (size < 0) {
            throw new LayoutException("gdb printed no layout of " + name);
        }
        return new StructLayout(name, size, fields);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static List<String> ptype(Path lib, String type) {
        List<String> cmd = List.of("gdb", "-nx", "-batch", "-iex", "set auto-load off", "-ex", "ptype /o " + type,
                lib.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return new ArrayList<>(out.lines().toList());
        } catch (IOException e) {
            throw new LayoutException("cannot run gdb: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LayoutException("interrupted");
        }
    }

    private static OptionalLong symtab(Path lib, String name) {
        try (ElfFile elf = ElfFile.open(lib)) {
            ElfSymbol s = elf.findSymbol(name);
            return s == null ? OptionalLong.empty() : OptionalLong.of(s.value());
        }
    }
}
