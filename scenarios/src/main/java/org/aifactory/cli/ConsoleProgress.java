package org.aifactory.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aifactory.experiment.ProgressListener;

/**
 * A progress bar on stderr that appears only once a job has run for {@link #DELAY_NANOS}, so quick
 * runs print nothing. On a terminal it redraws in place; otherwise it prints plain ASCII lines.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
  private static final long DELAY_NANOS = 2_000_000_000L;

  private final String task;
  private final String unit;
  private final long unitSize;
  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private ProgressBar bar;

  /**
   * @param unit name of the displayed unit (e.g. "h" of simulated time)
   * @param unitSize how many progress units make one displayed unit
   */
  ConsoleProgress(String task, String unit, long unitSize, PrintWriter err, boolean enabled) {
    this.task = task;
    this.unit = unit;
    this.unitSize = Math.max(1, unitSize);
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void progress(long done, long total) {
    if (!enabled) {
      return;
    }
    if (bar == null) {
      if (System.nanoTime() - started < DELAY_NANOS || done >= total) {
        return;
      }
      ProgressBarBuilder b =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total / unitSize)
              .startsFrom(done / unitSize, java.time.Duration.ofNanos(System.nanoTime() - started))
              .setUnit(" " + unit, 1)
              .setStyle(ProgressBarStyle.ASCII);
      if (System.console() == null) {
        b.setConsumer(new DelegatingProgressBarConsumer(err::println, 100))
            .setUpdateIntervalMillis(5_000);
      }
      bar = b.build();
    }
    if (bar.getMax() != total / unitSize) {
      bar.maxHint(total / unitSize); // work added as it goes (compare --target-ci)
    }
    bar.stepTo(done / unitSize);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
