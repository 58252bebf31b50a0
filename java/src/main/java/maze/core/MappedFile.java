package maze.core;

/** One NT_FILE entry: [start, end) of the address space maps {@code path} from {@code fileOffset} (bytes). */
public record MappedFile(long start, long end, long fileOffset, String path) {
    public boolean contains(long address) {
        return address >= start && address < end;
    }
}
