package org.tamga.core;

import org.tamga.index.TextIndex;
import org.tamga.model.TamgaException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Adds texts to an index (the search index, the word index) on worker threads, one per core (up to four), holding at most
 * {@link #BUDGET_CHARS} characters of texts waiting: rebuilding the index of a large project uses
 * the whole machine rather than one core.
 */
final class ParallelIndexing implements AutoCloseable {
    static final int BUDGET_CHARS = 32 << 20;

    private final TextIndex index;
    private final ExecutorService workers;
    private final Semaphore budget = new Semaphore(BUDGET_CHARS);
    private final List<Future<?>> pending = new ArrayList<>();

    ParallelIndexing(TextIndex index) {
        this.index = index;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tamga-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Hands a text to a worker; waits while too many characters are waiting already. */
    void put(String guid, String text) { run(text.length(), () -> index.put(guid, text)); }

    /** Runs {@code work} (indexing a text of {@code chars} characters) on a worker; waits while too many characters are waiting already. */
    void run(int chars, Runnable work) {
        int permits = Math.max(1, Math.min(BUDGET_CHARS, chars));
        budget.acquireUninterruptibly(permits);
        pending.add(workers.submit(() -> {
            try {
                work.run();
            } finally {
                budget.release(permits);
            }
        }));
    }

    /** Waits until every text handed over is in the index; the first failure is thrown. */
    void finish() {
        TamgaException failure = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TamgaException("Interrupted while the index was being written.", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof TamgaException t ? t
                            : new TamgaException("Cannot add a document to the index: " + e.getCause(), e.getCause());
                }
            }
        }
        pending.clear();
        if (failure != null) throw failure;
    }

    @Override
    public void close() { workers.shutdownNow(); }
}
