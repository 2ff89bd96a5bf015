package io.warden.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long runs; silent when stderr is not a terminal or the input is small. */
final class Progress implements AutoCloseable {
    private static final long MIN_BYTES = 32L << 20;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(boolean wanted, String task, long totalBytes) {
        if (!wanted || totalBytes < MIN_BYTES || System.console() == null) return new Progress(null);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalBytes)
                .setUnit(" MiB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
        return new Progress(bar);
    }

    void update(long bytes) {
        if (bar != null) bar.stepTo(bytes);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
