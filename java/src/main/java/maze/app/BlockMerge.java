package maze.app;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.heap.BlockSink;

/**
 * Merges the address-ordered block streams of several allocators into one address-ordered stream:
 * each run is spilled to a temp file (no object per block), then the runs are merged.
 */
final class BlockMerge implements AutoCloseable {
    private final List<Path> files = new ArrayList<>();
    private final List<DataOutputStream> outs = new ArrayList<>();

    BlockSink newRun() throws IOException {
        Path f = Files.createTempFile("maze-blocks", ".bin");
        files.add(f);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16));
        outs.add(out);
        return (address, size, flags) -> {
            try {
                out.writeLong(address);
                out.writeLong(size);
                out.writeInt(flags);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    void replay(BlockSink sink) throws IOException {
        for (DataOutputStream o : outs) {
            o.close();
        }
        Heads heads = new Heads(files.size());
        try {
            for (int i = 0; i < files.size(); i++) {
                heads.ins[i] = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(i)), 1 << 16));
                heads.advance(i);
            }
            for (int best; (best = heads.lowest()) >= 0; ) {
                sink.block(heads.address[best], heads.size[best], heads.flags[best]);
                heads.advance(best);
            }
        } finally {
            for (DataInputStream in : heads.ins) {
                if (in != null) {
                    in.close();
                }
            }
        }
    }

    /** The current block of each run, in parallel arrays so merging allocates nothing per block. */
    private static final class Heads {
        final DataInputStream[] ins;
        final long[] address;
        final long[] size;
        final int[] flags;
        final boolean[] live;

        Heads(int n) {
            ins = new DataInputStream[n];
            address = new long[n];
            size = new long[n];
            flags = new int[n];
            live = new boolean[n];
        }

        void advance(int i) throws IOException {
            try {
                address[i] = ins[i].readLong();
                size[i] = ins[i].readLong();
                flags[i] = ins[i].readInt();
                live[i] = true;
            } catch (EOFException e) {
                live[i] = false;
            }
        }

        int lowest() {
            int best = -1;
            for (int i = 0; i < live.length; i++) {
                if (live[i] && (best < 0 || Long.compareUnsigned(address[i], address[best]) < 0)) {
                    best = i;
                }
            }
            return best;
        }
    }

    @Override
    public void close() throws IOException {
        for (DataOutputStream o : outs) {
            o.close();
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }
}
