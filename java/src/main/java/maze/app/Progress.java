package maze.app;

import java.time.Duration;
import java.util.Locale;
import maze.heap.BlockSink;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of an analysis on the terminal (stderr): the phase it is in, then the blocks walked so
 * far. No percentage: nobody knows the block count before the walk, and "?%" tells nothing. Quiet
 * when maze's output is not a terminal, so pipes and files never get progress noise.
 */
final class Progress implements AutoCloseable {
    private static final long STEP = 1 << 16;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(boolean wanted, String phase) {
        if (!wanted || System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("maze").setInitialMax(-1)
                .setRenderer(Progress::render).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).continuousUpdate().build();
        bar.setExtraMessage(phase);
        return new Progress(bar);
    }

    /** The next phase of the analysis, shown until the following one. */
    void phase(String phase) {
        if (bar != null) {
            bar.setExtraMessage(phase);
        }
    }

    private static String render(ProgressState s, int width) {
        String line = line(s.getExtraMessage(), s.getCurrent(), s.getTotalElapsed());
        return line.length() > width && width > 0 ? line.substring(0, width) : line;
    }

    /** "maze: walking heap: 1,310,720 blocks (4 s)"; no block count before the first block. */
    static String line(String phase, long blocks, Duration elapsed) {
        String count = blocks > 0 ? String.format(Locale.ROOT, ": %,d blocks", blocks) : "";
        return String.format("maze: %s%s (%d s)", phase, count, elapsed.toSeconds());
    }

    /** Wraps {@code sink} so every block is counted; a no-op wrapper-free sink when quiet. */
    BlockSink counting(BlockSink sink) {
        if (bar == null) {
            return sink;
        }
        return new BlockSink() {
            private long pending;

            @Override
            public void block(long address, long size, int flags) {
                sink.block(address, size, flags);
                if (++pending == STEP) {
                    bar.stepBy(pending);
                    pending = 0;
                }
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
