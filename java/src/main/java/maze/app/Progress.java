package maze.app;

import maze.heap.BlockSink;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long walk on the terminal (stderr), counted in blocks. Quiet when maze's output is
 * not a terminal, so pipes and files never get progress noise.
 */
final class Progress implements AutoCloseable {
    private static final long STEP = 1 << 16;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(boolean wanted, String task) {
        if (!wanted || System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setUnit(" blocks", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).continuousUpdate().build();
        return new Progress(bar);
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
