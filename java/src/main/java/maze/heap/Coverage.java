package maze.heap;

/**
 * One allocator of the process as the result reports it: what was found, whether it serves the
 * process's malloc, and whether its heap was walked ({@code notWalked} says why not; null when it
 * was), with the blocks and bytes it gave.
 */
public record Coverage(String allocator, Version version, String module, String evidence, boolean servesMalloc,
                       String notWalked, long blocks, long bytes) {

    public boolean walked() {
        return notWalked == null;
    }

    /** "glibc 2.36 in /lib/x86_64-linux-gnu/libc.so.6 (serves malloc): walked, 12 blocks". */
    public String describe() {
        StringBuilder sb = new StringBuilder(allocator);
        if (version != null && version.known()) {
            sb.append(' ').append(version.text());
        }
        sb.append(" in ").append(module);
        if (servesMalloc) {
            sb.append(" (serves malloc)");
        }
        if (walked()) {
            return sb.append(": walked, ").append(blocks).append(blocks == 1 ? " block" : " blocks").toString();
        }
        return sb.append(": NOT walked: ").append(notWalked).toString();
    }
}
