package org.tamga.gui;

import javafx.application.Platform;
import org.tamga.model.TamgaException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs project work (SQLite, Lucene) off the JavaFX thread, one task at a time and in order, and
 * hands the result back on the JavaFX thread. Failures reach an error handler as plain messages.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tamga-project");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> onError;

    public Background(Consumer<String> onError) { this.onError = onError; }

    /** Runs {@code work} in the background, then {@code then} with its result on the JavaFX thread. */
    public <T> void run(Supplier<T> work, Consumer<T> then) {
        executor.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> then.accept(result));
            } catch (TamgaException e) {
                Platform.runLater(() -> onError.accept(e.getMessage()));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onError.accept("Unexpected error: " + e));
            }
        });
    }

    public void run(Runnable work, Runnable then) {
        run(() -> { work.run(); return Boolean.TRUE; }, ignored -> then.run());
    }

    @Override
    public void close() { executor.shutdown(); }
}
