package maze.classify;

import java.util.Arrays;

/**
 * Where the C++ names of a result came from: per {@link VtableSource} (indexed by its ordinal),
 * how many vtable symbols it gave and how many live blocks were named through them.
 */
public record NameSources(long[] vtables, long[] blocks) {
    public NameSources {
        int n = VtableSource.values().length;
        if (vtables.length != n || blocks.length != n) {
            throw new IllegalArgumentException("one count per vtable source expected");
        }
        vtables = vtables.clone();
        blocks = blocks.clone();
    }

    public long vtables(VtableSource source) {
        return vtables[source.ordinal()];
    }

    public long blocks(VtableSource source) {
        return blocks[source.ordinal()];
    }

    public long totalVtables() {
        return Arrays.stream(vtables).sum();
    }

    public long totalBlocks() {
        return Arrays.stream(blocks).sum();
    }

    @Override
    public long[] vtables() {
        return vtables.clone();
    }

    @Override
    public long[] blocks() {
        return blocks.clone();
    }

    /** "120 blocks from 7 vtables: module .symtab 5 (100 blocks), debug file 0, .dynsym 2 (20 blocks)". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(totalBlocks()).append(" blocks from ").append(totalVtables()).append(" vtables:");
        String sep = " ";
        for (VtableSource s : VtableSource.values()) {
            sb.append(sep).append(s.label).append(' ').append(vtables(s));
            if (blocks(s) > 0) {
                sb.append(" (").append(blocks(s)).append(" blocks)");
            }
            sep = ", ";
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameSources other && Arrays.equals(vtables, other.vtables)
                && Arrays.equals(blocks, other.blocks);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(vtables) + Arrays.hashCode(blocks);
    }

    @Override
    public String toString() {
        return describe();
    }
}
