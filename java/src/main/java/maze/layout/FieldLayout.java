package maze.layout;

/** A struct member: byte offset and size; for a bitfield also the bit position and width (else -1). */
public record FieldLayout(String name, long offset, long size, int bitPos, int bitSize) {
    public FieldLayout(String name, long offset, long size) {
        this(name, offset, size, -1, -1);
    }

    public boolean isBitfield() {
        return bitSize >= 0;
    }
}
