package org.tamga.core;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another Tamga, in a process of its own, that holds a project's search index (as an open window
 * does): it opens the project, catches its index up, says "holding N" on standard output and keeps
 * the index's lock until its standard input ends. For the tests of a second reader (ADR 45).
 */
public final class IndexHolder {
    private IndexHolder() {}

    public static void main(String[] args) throws Exception {
        try (ProjectSession s = ProjectSession.open(Path.of(args[0]), Path.of(args[1]))) {
            ProjectSession.IndexSync sync = s.ensureIndex();
            if (sync.shared() || sync.inMemory()) throw new IllegalStateException("the index was not this process's own: " + sync);
            System.out.println("holding " + s.summary().documents());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // nothing to do: the lock is held until the input ends
            }
        }
        System.out.println("closed");
    }
}
