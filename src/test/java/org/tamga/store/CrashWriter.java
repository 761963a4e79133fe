package org.tamga.store;

import org.tamga.model.Code;
import org.tamga.model.Coder;
import org.tamga.model.Coding;
import org.tamga.model.Document;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a separate JVM by {@link CrashSafetyTest}: creates a project, commits a document and a
 * coding, says "committed", then starts another transaction and is killed in the middle of it,
 * without closing anything.
 */
public final class CrashWriter {
    public static final String TEXT = "牧民访谈 🐎\nТанай өрх хэдэн малтай вэ?\nᠮᠣᠩᠭᠣᠯ\n";

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        ProjectStore store = ProjectStore.create(file, "崩溃测试 🐑");
        Document doc = store.documents().insert(new DocumentRepository.NewDocument(null, "访谈 🐎", "zh", TEXT,
                TEXT.codePointCount(0, TEXT.length()), "访谈 🐎.txt", "UTF-8",
                org.tamga.core.ImportService.sha256(TEXT), Instant.now()));
        Code code = store.codes().insert(null, null, "Herding · 放牧", null, null, true);
        Coder coder = store.coders().insert(null, "Батболд");
        Coding coding = store.codings().insert(null, doc.id(), code.id(), coder.id(), 5, 6, "🐎", null);
        System.out.println("committed " + doc.guid() + " " + coding.guid());
        System.out.flush();
        store.inTransaction(() -> {
            store.documents().insert(new DocumentRepository.NewDocument(null, "uncommitted", "en", "never saved\n",
                    12, "u.txt", "UTF-8", org.tamga.core.ImportService.sha256("never saved\n"), Instant.now()));
            System.out.println("halting");
            System.out.flush();
            Runtime.getRuntime().halt(9);
            return null;
        });
    }
}
