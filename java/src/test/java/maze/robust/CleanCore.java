package maze.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;

/**
 * A heap_truth core taken for damaging, with what a clean analysis and the fixture said about it:
 * the listed blocks, the pointers the fixture freed (their first words are free-list links), and
 * where libc and the preloaded library were mapped (to find allocator globals).
 */
record CleanCore(String name, CoreImage core, long[] address, long[] size, long[] freed, long libcBase, long preloadBase) {
    private static final Pattern PTR = Pattern.compile("\"ptr\":\"0x([0-9a-f]+)\".*\"live\":false");

    /** Runs heap_truth {@code scenario} (LD_PRELOADing {@code preload} unless null), gcores it into {@code dir}. */
    static CleanCore capture(String name, String scenario, Path preload, Path dir) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(name));
        Path truth = work.resolve("truth.jsonl");
        Map<String, String> env = preload == null ? Map.of() : Map.of("LD_PRELOAD", preload.toString());
        Path core;
        long libc;
        long pre;
        // without address randomisation the same mutations hit the same places run after run
        try (FixtureProcess fp = FixtureProcess.start(List.of("setarch", "x86_64", "-R",
                Fixtures.binary("heap_truth").toString(), scenario, truth.toString()), work,
                FixtureProcess.defaultTimeout(), env)) {
            List<String> maps = Files.readAllLines(Path.of("/proc/" + fp.pid() + "/maps"));
            libc = base(maps, "/libc.so.6");
            pre = preload == null ? 0 : base(maps, preload.getFileName().toString());
            core = fp.gcore(work);
        }
        return new CleanCore(name, new CoreImage(core), null, null, freed(truth), libc, pre);
    }

    /** The same core with the listing of its clean analysis. */
    CleanCore withListing(long[] address, long[] size) {
        return new CleanCore(name, core, address, size, freed, libcBase, preloadBase);
    }

    private static long base(List<String> maps, String file) {
        for (String line : maps) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[5].endsWith(file) && Long.parseLong(f[2], 16) == 0) {
                return Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
            }
        }
        throw new AssertionError("no mapping of " + file);
    }

    private static long[] freed(Path truth) throws IOException {
        List<Long> out = new ArrayList<>();
        try (var lines = Files.lines(truth)) {
            lines.forEach(l -> {
                Matcher m = PTR.matcher(l);
                if (m.find()) {
                    out.add(Long.parseUnsignedLong(m.group(1), 16));
                }
            });
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
