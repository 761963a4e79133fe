package org.tamga.gui;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the window's project work (SQLite, Lucene, files) off the JavaFX thread, one task at a time
 * and in the order asked, and hands each result back on the JavaFX thread. What runs, and how far
 * it has got, is observable for the status bar. The window uses {@link #background()}; tests use an
 * executor that runs the queued work when the test says so, so that nothing waits on a clock.
 */
public abstract class TaskExecutor {
    /** Work done off the JavaFX thread. */
    public interface Work<T> { T run(Progress progress) throws Exception; }

    /** What a task tells about itself while it runs; any thread. */
    public interface Progress {
        /** {@code total <= 0}: how far is not known. */
        void update(long done, long total, String message);
        boolean cancelled();
    }

    /** A submitted task: it can be asked to stop (the work decides where it can). */
    public static final class Handle {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        public void cancel() { cancelled.set(true); }
        public boolean cancelled() { return cancelled.get(); }
    }

    /** Tasks queued or running (JavaFX thread). */
    public final IntegerProperty pending = new SimpleIntegerProperty();
    /** The title of the running task, or "" (JavaFX thread). */
    public final StringProperty message = new SimpleStringProperty("");
    /** 0..1, or -1 while how far is not known (JavaFX thread). */
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private volatile Consumer<Throwable> onFailure = t -> { };

    /** Told, on the JavaFX thread, of anything a task threw: refusals, bugs and errors alike. */
    public void onFailure(Consumer<Throwable> handler) { this.onFailure = handler; }

    /** Reports a failure found before any work was submitted, the same way as one a task threw. */
    public void fail(Throwable t) { fx(() -> onFailure.accept(t)); }

    /** Runs {@code work} in the background, then {@code then} with its result on the JavaFX thread. */
    public final <T> Handle run(String title, Work<T> work, Consumer<? super T> then) {
        Handle handle = new Handle();
        fx(() -> pending.set(pending.get() + 1));
        execute(() -> {
            fx(() -> { message.set(title == null ? "" : title); progress.set(-1); });
            Progress p = new Progress() {
                public void update(long done, long total, String what) {
                    fx(() -> {
                        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
                        if (what != null) message.set(what);
                    });
                }
                public boolean cancelled() { return handle.cancelled(); }
            };
            try {
                T result = work.run(p);
                fx(() -> { if (then != null) then.accept(result); });
            } catch (Throwable t) { // errors too (out of memory): the window says so instead of hanging at "…"
                fx(() -> onFailure.accept(t));
            } finally {
                fx(() -> {
                    pending.set(pending.get() - 1);
                    if (pending.get() == 0) { message.set(""); progress.set(-1); }
                });
            }
        });
        return handle;
    }

    /** Hands the task to whatever runs it. */
    protected abstract void execute(Runnable task);

    /** Waits until every submitted task has run, at most {@code timeout}; true if they all did. */
    public abstract boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Accepts no more work; what was submitted still runs. */
    public abstract void shutdown();

    protected void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
    }

    /** The window's executor: one background thread, so project work never overlaps. */
    public static TaskExecutor background() {
        return new TaskExecutor() {
            private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tamga-project");
                t.setDaemon(true); // closing the window waits for it (awaitIdle) with a bounded time
                return t;
            });

            @Override protected void execute(Runnable task) { executor.execute(task); }

            @Override public boolean awaitIdle(Duration timeout) throws InterruptedException {
                long end = System.nanoTime() + timeout.toNanos();
                // a task queued behind this one is waited for too
                java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                try {
                    executor.execute(done::countDown);
                } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                    executor.shutdown();
                    return executor.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                return done.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            }

            @Override public void shutdown() { executor.shutdown(); }
        };
    }
}
