package maze.heap.tcmalloc;

import maze.heap.FieldReader;
/**
 * tcmalloc's size classes as the core holds them (Static::sizemap_): the object size of each
 * class and how many objects move between caches at once (a transfer slot's chain length).
 */
record SizeClasses(int count, int[] size, int[] toMove) {

    static SizeClasses read(FieldReader m, TcLayout l, long sizeMap) {
        int[] size = m.ints(sizeMap + l.classToSize(), l.maxClasses());
        int[] move = m.ints(sizeMap + l.objectsToMove(), l.maxClasses());
        int count = (int) Math.min(Integer.MAX_VALUE, m.word(sizeMap + l.numClasses()));
        return new SizeClasses(count, size == null ? new int[0] : size, move == null ? new int[0] : move);
    }

    /** Null when the table is one tcmalloc could have built, else what is wrong with it. */
    String problem(int maxClasses) {
        if (size.length == 0 || toMove.length == 0) {
            return "the size map is not in the core";
        }
        if (count < 2 || count > maxClasses) {
            return "the size map's class count " + count + " is outside 2.." + maxClasses;
        }
        if (size[0] != 0) {
            return "size class 0 has size " + size[0] + " (tcmalloc keeps it 0)";
        }
        for (int cl = 1; cl < count; cl++) {
            if (size[cl] <= size[cl - 1] || size[cl] % 8 != 0 || toMove[cl] <= 0) {
                return "size class " + cl + " (size " + size[cl] + ", batch " + toMove[cl] + ") breaks the size map's order";
            }
        }
        return null;
    }

    boolean valid(int cl) {
        return cl > 0 && cl < count;
    }
}
