package io.cocogen.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr that appears only once a task has run for more than a second, and never when
 * stderr is not a terminal or with {@code --quiet}. Thread-safe; {@link #close()} removes the bar.
 */
final class Progress implements AutoCloseable {
  private static final long DELAY_MILLIS = 1000;

  private final String task;
  private final boolean enabled;
  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> pending;
  private long done;
  private long total;
  private String label = "";
  private ProgressBar bar;
  private boolean closed;
  private final long startNanos = System.nanoTime();

  private Progress(String task, long total, boolean enabled) {
    this.task = task;
    this.total = total;
    this.enabled = enabled;
    if (enabled) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cocogen-progress");
        t.setDaemon(true);
        return t;
      });
      pending = timer.schedule(this::show, DELAY_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
      pending = null;
    }
  }

  /** A progress reporter for {@code task} with {@code total} steps (shown only when enabled). */
  static Progress start(String task, long total) {
    return new Progress(task, total, Globals.progressEnabled());
  }

  /** A reporter that never shows anything. */
  static Progress silent() {
    return new Progress("", 0, false);
  }

  private synchronized void show() {
    if (closed || bar != null) {
      return;
    }
    bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(Math.max(1, total))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .clearDisplayOnFinish()
        .setMaxRenderedLength(100)
        .startsFrom(done, java.time.Duration.ofNanos(System.nanoTime() - startNanos))
        .build();
    bar.stepTo(done);
    bar.setExtraMessage(label);
  }

  /** Marks {@code done} of {@code total} steps finished, with a short label of what runs now. */
  synchronized void update(long doneSteps, long totalSteps, String what) {
    done = doneSteps;
    total = totalSteps;
    label = what == null ? "" : what;
    if (bar != null) {
      bar.maxHint(Math.max(1, total));
      bar.stepTo(done);
      bar.setExtraMessage(label);
    }
  }

  /** One more step finished; {@code what} names the next one. */
  synchronized void step(String what) {
    update(done + 1, total, what);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (enabled) {
      pending.cancel(false);
      timer.shutdownNow();
    }
    if (bar != null) {
      bar.stepTo(total);
      bar.close();
      bar = null;
    }
  }
}
