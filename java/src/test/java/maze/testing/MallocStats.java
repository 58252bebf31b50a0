package maze.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * glibc's malloc_stats() output as a fixture saved it: per arena, in glibc's order (main_arena,
 * then its next ring), the system bytes and the in-use bytes, where in use = system_mem - (top +
 * fastbin chunks + binned chunks), the arena's share of mallinfo2's uordblks.
 */
public record MallocStats(List<Arena> arenas) {
    private static final Pattern LINE = Pattern.compile("^(system bytes|in use bytes)\\s*=\\s*(\\d+)$");

    public record Arena(long system, long inUse) {
        public long free() {
            return system - inUse;
        }
    }

    public static MallocStats read(Path file) throws IOException {
        List<Arena> arenas = new ArrayList<>();
        long system = -1;
        boolean inArena = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("Arena ")) {
                inArena = true;
                continue;
            }
            if (line.startsWith("Total")) {
                break;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!inArena || !m.matches()) {
                continue;
            }
            long v = Long.parseLong(m.group(2));
            if (m.group(1).equals("system bytes")) {
                system = v;
            } else {
                arenas.add(new Arena(system, v));
                inArena = false;
            }
        }
        if (arenas.isEmpty()) {
            throw new IOException(file + ": no \"Arena N:\" figures");
        }
        return new MallocStats(List.copyOf(arenas));
    }
}
