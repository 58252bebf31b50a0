package maze.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;

/**
 * The process's memory as a core holds it: segment bytes from the core file (mapped), and bytes the
 * core left out of file-backed ranges from the module files (NT_FILE) when they are present here.
 * Bytes a truncated core lost are not readable: plain reads throw with a detail saying so.
 * Thread-safe for reads. Bulk scans are a CoreScanner over the same core (nativebind).
 */
public final class CoreMemory implements MemoryView, AutoCloseable {
    private final Path corePath;
    private final long fileSize;
    private final MappedWindows core;
    private final SegmentTable segments;
    private final ModuleFiles modules;
    /** The segment of the last fast read: walkers read near where they last read. Racy but benign. */
    private int lastHit;
    /* The segment table's arrays, held here to save a load on every read. */
    private final long[] start;
    private final long[] lastLong;
    private final long[] fileOffset;

    /**
     * @param corePath    the core file
     * @param fileSize    its real size on disk: segment bytes past it are lost
     * @param segments    its PT_LOAD segments
     * @param files       its NT_FILE entries (offsets in bytes)
     * @param moduleFiles maps an NT_FILE path to a local file, or to null when there is none
     */
    public CoreMemory(Path corePath, long fileSize, List<Segment> segments, List<MappedFile> files,
                      Function<String, Path> moduleFiles) throws IOException {
        this(corePath, fileSize, segments, files, moduleFiles,
                MappedWindows.map(corePath, Math.min(fileSize, Segment.bytesEnd(segments))));
    }

    /**
     * As above, reading the segment bytes through {@code segmentBytes}, which must hold every
     * segment byte the file has (a mapping shared with the native scans: one mapping, not two).
     */
    public CoreMemory(Path corePath, long fileSize, List<Segment> segments, List<MappedFile> files,
                      Function<String, Path> moduleFiles, MappedWindows segmentBytes) {
        this.corePath = corePath;
        this.fileSize = fileSize;
        this.core = segmentBytes;
        this.segments = new SegmentTable(segments, Math.min(fileSize, core.size()));
        this.modules = new ModuleFiles(files, moduleFiles);
        this.start = this.segments.start;
        this.lastLong = this.segments.lastLong;
        this.fileOffset = this.segments.fileOffset;
        for (int i = 0; i < start.length; i++) {
            if (this.segments.held[i] > 0 && fileOffset[i] < core.origin()) {
                throw new IllegalArgumentException(String.format("segment 0x%x lies at file offset 0x%x, below"
                        + " the mapped bytes (from 0x%x)", start[i], fileOffset[i], core.origin()));
            }
        }
    }

    /** The memory of a parsed core, with a Java mapping of its own. */
    public static CoreMemory of(CoreModel model, Function<String, Path> moduleFiles) throws IOException {
        return new CoreMemory(model.file(), model.fileSize(), model.segments(), model.files(), moduleFiles);
    }

    /** The memory of a parsed core read through {@code segmentBytes} (see the constructor). */
    public static CoreMemory of(CoreModel model, Function<String, Path> moduleFiles, MappedWindows segmentBytes) {
        return new CoreMemory(model.file(), model.fileSize(), model.segments(), model.files(), moduleFiles,
                segmentBytes);
    }

    /*
     * The reads below are the hot path of every heap walk: they try the segment of the previous
     * read with a few array loads, and leave everything else to an out-of-line method. Keeping
     * them this small lets the JIT inline them into walker loops; with the fallback inlined too,
     * random reads measured several times slower.
     */
    @Override
    public long readLong(long address) {
        int i = lastHit;
        if (i < start.length) {
            long d = address - start[i];
            if (d >= 0 && d <= lastLong[i]) {
                return core.getLong(fileOffset[i] + d);
            }
        }
        return readLongElsewhere(address, true, 0);
    }

    @Override
    public long readLongOr(long address, long dflt) {
        int i = lastHit;
        if (i < start.length) {
            long d = address - start[i];
            if (d >= 0 && d <= lastLong[i]) {
                return core.getLong(fileOffset[i] + d);
            }
        }
        return readLongElsewhere(address, false, dflt);
    }

    @Override
    public int readInt(long address) {
        int i = lastHit;
        if (i < start.length) {
            long d = address - start[i];
            if (d >= 0 && d <= lastLong[i]) {
                return core.getInt(fileOffset[i] + d);
            }
        }
        byte[] b = new byte[4];
        read(address, b, 0, 4);
        return (int) littleEndian(b, 4);
    }

    /** A long outside the previous read's segment: another segment, a module file, or nothing. */
    private long readLongElsewhere(long address, boolean throwing, long dflt) {
        int i = segments.lastAtOrBelow(address);
        if (i >= 0) {
            long d = address - start[i];
            if (d >= 0 && d <= lastLong[i]) {
                lastHit = i;
                return core.getLong(fileOffset[i] + d);
            }
        }
        byte[] b = new byte[8];
        if (throwing) {
            read(address, b, 0, 8);
        } else if (copy(address, b, 0, 8) < 8) {
            return dflt;
        }
        return littleEndian(b, 8);
    }

    @Override
    public void read(long address, byte[] dst, int offset, int len) {
        int done = copy(address, dst, offset, len);
        if (done < len) {
            long missing = address + done;
            throw new UnmappedAddressException(missing, locate(missing).missing());
        }
    }

    @Override
    public boolean isAvailable(long address, long len) {
        for (long done = 0; done < len; ) {
            Run run = locate(address + done);
            if (run.missing() != null) {
                return false;
            }
            done += Long.compareUnsigned(run.length(), len - done) < 0 ? run.length() : len - done;
        }
        return true;
    }

    /** Copies as many of the len bytes as are available, in order; returns how many. */
    private int copy(long address, byte[] dst, int offset, int len) {
        int done = 0;
        while (done < len) {
            Run run = locate(address + done);
            if (run.missing() != null) {
                break;
            }
            int n = (int) Math.min(len - done, Long.compareUnsigned(run.length(), Integer.MAX_VALUE) < 0
                    ? run.length() : Integer.MAX_VALUE);
            run.source().get(run.offset(), dst, offset + done, n);
            done += n;
        }
        return done;
    }

    /** Where the bytes at address come from and how many follow contiguously, or why none can. */
    private record Run(MappedWindows source, long offset, long length, String missing) {
        static Run missing(String why) {
            return new Run(null, 0, 0, why);
        }
    }

    private Run locate(long address) {
        int i = segments.find(address);
        if (i < 0) {
            return fromModule(address, segments.nextStart(address), "no core segment holds it");
        }
        long d = address - segments.start[i];
        if (d < segments.held[i]) {
            return new Run(core, segments.fileOffset[i] + d, segments.held[i] - d, null);
        }
        if (d < segments.declared[i]) {
            return Run.missing(truncated(i));
        }
        return fromModule(address, segments.end[i], String.format(
                "the core holds only 0x%x of the 0x%x bytes of segment 0x%x",
                segments.declared[i], segments.end[i] - segments.start[i], segments.start[i]));
    }

    private String truncated(int i) {
        return String.format("core %s is truncated: segment 0x%x needs file bytes up to 0x%x but the"
                + " file has only %d bytes", corePath, segments.start[i],
                segments.fileOffset[i] + segments.declared[i], fileSize);
    }

    private Run fromModule(long address, long limit, String why) {
        MappedFile f = modules.entryAt(address);
        if (f == null) {
            return Run.missing(why + " and no mapped file covers it");
        }
        MappedWindows local = modules.local(f);
        if (local == null) {
            return Run.missing(why + "; its file " + f.path() + " is not available here");
        }
        long offset = f.fileOffset() + (address - f.start());
        // unsigned: a corrupt NT_FILE offset can make this negative, which no file holds
        if (Long.compareUnsigned(offset, local.size()) >= 0) {
            return Run.missing(why + "; it lies past the end of " + f.path());
        }
        long len = unsignedMin(unsignedMin(f.end() - address, limit - address), local.size() - offset);
        return new Run(local, offset, len, null);
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static long littleEndian(byte[] b, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = (v << 8) | (b[k] & 0xff);
        }
        return v;
    }

    /** Nothing to release now: the mapped buffers go with the garbage collector. */
    @Override
    public void close() {
    }
}
