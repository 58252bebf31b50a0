package maze.heap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects what looked wrong during an analysis. Past MAX messages the rest are only counted, so
 * a badly corrupt heap cannot flood the report.
 */
public final class Warnings {
    private static final int MAX = 200;
    private final List<String> messages = new ArrayList<>();
    private int dropped;

    public synchronized void add(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    public synchronized void add(String format, Object... args) {
        add(String.format(format, args));
    }

    public synchronized List<String> all() {
        List<String> out = new ArrayList<>(messages);
        if (dropped > 0) {
            out.add(dropped + " more warnings not shown");
        }
        return Collections.unmodifiableList(out);
    }
}
