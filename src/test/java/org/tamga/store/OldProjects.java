package org.tamga.store;

import java.nio.file.Path;
import java.util.List;

/** Project files of an older format, as an older Tamga wrote them: for the tests of upgrading. */
public final class OldProjects {
    private OldProjects() {}

    /** A version 1 project with one document. */
    public static void version1(Path file, String name, String documentName, String text) {
        try (ProjectStore store = ProjectStore.create(file, name, new Migrations(List.of(ProjectStoreTest.V1)))) {
            ProjectStoreTest.insertDocument(store, documentName, text);
        }
    }

    /** An empty project of format {@code version}, open, as the Tamga of that version made it. */
    public static ProjectStore create(Path file, String name, int version) {
        return ProjectStore.create(file, name, new Migrations(Migrations.shipped().steps().subList(0, version)));
    }
}
