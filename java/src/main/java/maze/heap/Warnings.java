package maze.heap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects what looked wrong during an analysis. {@link #add} is for what may have cost blocks or
 * their free status (the result is then partial); {@link #note} for what only cost names or
 * detail (types not named), which is shown but leaves the blocks complete. Past MAX messages the
 * rest are only counted, so a badly corrupt heap cannot flood the report.
 */
public final class Warnings {
    private static final int MAX = 200;
    private final List<String> messages = new ArrayList<>();
    private int dropped;
    private int incomplete;

    /** Something the heap result may lack or get wrong because of it. */
    public synchronized void add(String message) {
        incomplete++;
        keep(message);
    }

    public synchronized void add(String format, Object... args) {
        add(String.format(format, args));
    }

    /** Something that costs names or detail, not blocks. */
    public synchronized void note(String format, Object... args) {
        keep(String.format(format, args));
    }

    /**
     * Adds everything {@code later} collected as if it had been given here after what this holds
     * (a unit walked on its own thread): same messages, same count, same completeness.
     */
    public void append(Warnings later) {
        List<String> kept;
        int laterDropped;
        int laterIncomplete;
        synchronized (later) {
            kept = new ArrayList<>(later.messages);
            laterDropped = later.dropped;
            laterIncomplete = later.incomplete;
        }
        synchronized (this) {
            incomplete += laterIncomplete;
            kept.forEach(this::keep);
            dropped += laterDropped;
        }
    }

    private void keep(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    /** True once any warning said part of the heap may be missing or wrong. */
    public synchronized boolean incomplete() {
        return incomplete > 0;
    }

    /** How many warnings were given, shown or not. */
    public synchronized int count() {
        return messages.size() + dropped;
    }

    public synchronized List<String> all() {
        List<String> out = new ArrayList<>(messages);
        if (dropped > 0) {
            out.add(dropped + " more warnings not shown");
        }
        return Collections.unmodifiableList(out);
    }
}
