package org.tamga.gui;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The window's background work, run when the test says so: {@link #drain()} runs every queued
 * task on the test's own thread and lets the JavaFX thread take each result, until nothing is
 * left. No test waits on a clock for background work; a loaded machine only makes it slower.
 */
final class QueuedTaskExecutor extends TaskExecutor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override protected void execute(Runnable task) { queue.add(task); }

    @Override public boolean awaitIdle(Duration timeout) { drain(); return true; }

    @Override public void shutdown() { }

    /** Runs what is queued, and what the results queue in turn, until the window is quiet. Not on the JavaFX thread. */
    void drain() {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("drain() runs the work on the test's thread, not the JavaFX thread");
        for (int round = 0; round < 10_000; round++) {
            flushFx();
            Runnable next = queue.poll();
            if (next == null) {
                flushFx(); // a result handed back may have queued more work
                if (queue.isEmpty()) return;
                continue;
            }
            next.run();
        }
        throw new AssertionError("the window kept queuing work");
    }

    /** Lets the JavaFX thread run everything posted to it so far (and what that posts, twice over). */
    static void flushFx() {
        for (int i = 0; i < 3; i++) {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(done::countDown);
            try {
                // a bound, not a wait for background work: the JavaFX thread has only to reach this event
                if (!done.await(120, TimeUnit.SECONDS)) throw new AssertionError("the JavaFX thread did not answer for 120 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
