package maze.graph;

import java.util.Arrays;

/** A growable int array: edges and queues without boxing. */
final class IntList {
    private int[] values;
    private int size;

    IntList() {
        this(1024);
    }

    IntList(int capacity) {
        values = new int[Math.max(16, capacity)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int last() {
        return values[size - 1];
    }

    /** The backing array, values beyond {@link #size()} unset: no copy. The list must not be used after. */
    int[] array() {
        return values;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
