package maze.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import maze.core.MappedFile;

/**
 * The NT_FILE mappings, for bytes the core left out (gcore omits text and rodata, kernel cores
 * keep one page of them). Each local file is mapped on first use and kept; a file the resolver
 * cannot find, or cannot be opened, is remembered as absent.
 */
final class ModuleFiles {
    private final MappedFile[] files;
    private final Function<String, Path> resolver;
    private final ConcurrentHashMap<String, Optional<MappedWindows>> mapped = new ConcurrentHashMap<>();

    ModuleFiles(List<MappedFile> files, Function<String, Path> resolver) {
        List<MappedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(MappedFile::start, Long::compareUnsigned));
        this.files = sorted.toArray(new MappedFile[0]);
        this.resolver = resolver;
    }

    /** The NT_FILE entry that maps address, or null. */
    MappedFile entryAt(long address) {
        int lo = 0;
        int hi = files.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            MappedFile f = files[mid];
            if (Long.compareUnsigned(address, f.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, f.end()) >= 0) {
                lo = mid + 1;
            } else {
                return f;
            }
        }
        return null;
    }

    /** The local file behind an entry, mapped, or null when it is not available. */
    MappedWindows local(MappedFile f) {
        return mapped.computeIfAbsent(f.path(), this::open).orElse(null);
    }

    private Optional<MappedWindows> open(String path) {
        Path p = resolver == null ? null : resolver.apply(path);
        if (p == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MappedWindows.map(p, Long.MAX_VALUE));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
