package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.model.Code;
import org.tamga.model.CodeEvent;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two coders on one shared project (ADR 48), each with a session of their own on a real PostgreSQL
 * server: what one writes the other sees (codings, imports, search), and the rules for edits that
 * meet — the same text imported twice at once is one document, two renames of one code keep the
 * later with both in the code's history, and coding with a code another coder deleted is refused
 * in plain words with nothing half done.
 */
class SharedSessionsTest {
    @TempDir Path dir;

    private String sharedSample() {
        return SharedServer.publishedSample(dir.resolve("样本.tamga"));
    }

    @Test
    void whatOneCoderWritesTheOtherSeesSearchIncluded() throws Exception {
        String address = sharedSample();
        try (ProjectSession saran = ProjectSession.openShared(address, dir.resolve("cache-saran"));
             ProjectSession bilguun = ProjectSession.openShared(address, dir.resolve("cache-bilguun"))) {
            saran.ensureIndex();
            assertFalse(saran.changedOutside());
            int before = saran.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum();

            Document doc = bilguun.documents().all().getFirst();
            Code health = bilguun.codebook().resolve("Health");
            bilguun.coding().apply(doc, 0, 5, health, "Bilguun");
            assertTrue(saran.changedOutside(), "the other session's coding is seen");
            assertFalse(saran.changedOutside(), "once");
            assertEquals(before + 1, saran.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum());

            Path text = dir.resolve("访谈77 Ярилцлага.txt");
            Files.writeString(text, "访谈者：今年的雪灾怎么样？\n受访者：ᠴᠠᠰᠤ 很大，我们的羊死了不少。\n", StandardCharsets.UTF_8);
            assertEquals(1, bilguun.importing().importFiles(List.of(text), null).imported().size());
            assertTrue(saran.changedOutside());
            saran.catchUpIndex();
            var hits = saran.search().search(SearchService.Request.of("今年的雪灾怎么样")).hits();
            assertEquals(List.of("访谈77 Ярилцлага"), hits.stream().map(h -> h.document().name()).distinct().toList());
        }
    }

    @Test
    void theSameTextImportedByTwoCodersAtOnceIsOneDocument() throws Exception {
        String address = sharedSample();
        Path text = dir.resolve("同一份 📄.txt");
        Files.writeString(text, "访谈者：合作社有多少户？\n受访者：二十三户。\n", StandardCharsets.UTF_8);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"))) {
            int before = a.documents().all().size();
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<ImportReport> fromA = () -> { together.await(60, TimeUnit.SECONDS); return a.importing().importFiles(List.of(text), null); };
            Callable<ImportReport> fromB = () -> { together.await(60, TimeUnit.SECONDS); return b.importing().importFiles(List.of(text), null); };
            Future<ImportReport> ra = two.submit(fromA), rb = two.submit(fromB);
            ImportReport x = ra.get(120, TimeUnit.SECONDS), y = rb.get(120, TimeUnit.SECONDS);
            assertEquals(before + 1, a.documents().all().size());
            assertEquals(1, x.imported().size() + y.imported().size(), x + " / " + y);
            assertEquals(1, x.duplicates().size() + y.duplicates().size(), x + " / " + y);
            assertTrue(x.failures().isEmpty() && y.failures().isEmpty(), x + " / " + y);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aNewCoderNameUsedByTwoSessionsAtOnceIsOneCoder() throws Exception {
        String address = sharedSample();
        String database = address.substring(address.lastIndexOf('/') + 1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"))) {
            java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1), release = new java.util.concurrent.CountDownLatch(1);
            Future<org.tamga.model.Coder> first = two.submit(() -> a.store().inTransaction(() -> {
                org.tamga.model.Coder c = a.store().coders().getOrCreate("新来的 Шинэ 🐎");
                inserted.countDown();
                try {
                    assertTrue(release.await(120, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return c;
            }));
            assertTrue(inserted.await(120, TimeUnit.SECONDS));
            // the second session's insert of the same name waits for the first transaction to end
            Future<org.tamga.model.Coder> second = two.submit(() -> b.store().coders().getOrCreate("新来的 Шинэ 🐎"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (Long.parseLong(SharedServer.ask("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND wait_event_type = 'Lock'")) == 0) {
                assertFalse(second.isDone(), () -> "the second did not wait: " + second.state());
                assertTrue(System.nanoTime() < deadline, "the second session never waited for the first");
                Thread.onSpinWait();
            }
            release.countDown();
            assertEquals(first.get(120, TimeUnit.SECONDS).id(), second.get(120, TimeUnit.SECONDS).id());
            assertEquals(1, a.coding().coders().stream().filter(c -> c.name().equals("新来的 Шинэ 🐎")).count());
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void twoRenamesOfOneCodeKeepTheLaterAndTheHistoryHasBoth() {
        String address = sharedSample();
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"))) {
            a.setCoder("Saran");
            b.setCoder("Bilguun");
            Code code = a.codebook().resolve("Health");
            a.codebook().rename(code.id(), "Health · 健康 (Saran)");
            b.codebook().rename(code.id(), "Эрүүл мэнд · Health (Bilguun)");
            assertEquals("Эрүүл мэнд · Health (Bilguun)", a.codebook().codebook().byGuid(code.guid()).orElseThrow().name());
            List<CodeEvent> renames = a.codebook().history(code).events().stream().filter(e -> e.kind() == CodeEvent.Kind.RENAMED).toList();
            assertEquals(List.of("Saran", "Bilguun"), renames.stream().map(CodeEvent::coder).toList());
        }
    }

    @Test
    void codingWithACodeAnotherCoderDeletedIsRefusedInPlainWords() {
        String address = sharedSample();
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"))) {
            Code code = a.codebook().create(null, "临时 code 🐎", null, null);
            Document doc = a.documents().all().getFirst();
            int codings = a.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum();
            b.codebook().delete(b.codebook().resolve("临时 code 🐎").id());
            TamgaException e = assertThrows(TamgaException.class, () -> a.coding().apply(doc, 0, 3, code, "Saran"));
            assertTrue(e.getMessage().startsWith("The code \u201C临时 code 🐎\u201D was deleted"), e.getMessage());
            assertEquals(codings, a.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum());
            // the session goes on working
            a.coding().apply(doc, 0, 3, a.codebook().resolve("Health"), "Saran");
        }
    }

    @Test
    void eachSeesWhoElseIsWorking() {
        String address = sharedSample();
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"))) {
            a.setCoder("Saran");
            b.setCoder("Батболд 🐎");
            assertEquals(List.of("Батболд 🐎"), a.othersWorking());
            assertEquals(List.of("Saran"), b.othersWorking());
        }
    }

    @Test
    void whileTheServerIsAwayEditsAreRefusedAndTheSessionRecoversByItself() {
        String address = sharedSample();
        String database = address.substring(address.lastIndexOf('/') + 1);
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"))) {
            a.setCoder("Saran");
            Document doc = a.documents().all().getFirst();
            Code health = a.codebook().resolve("Health");
            int codings = a.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum();
            // the server goes away for this project: no new connections, the open ones cut
            SharedServer.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            SharedServer.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            try {
                assertFalse(a.changedOutside());
                assertTrue(a.serverAway().orElseThrow().contains(address), a.serverAway().toString());
                TamgaException refused = assertThrows(TamgaException.class, () -> a.coding().apply(doc, 0, 5, health, "Saran"));
                assertTrue(refused.getMessage().contains("cannot be reached") && refused.getMessage().contains("nothing of it was saved"),
                        refused.getMessage());
            } finally {
                SharedServer.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
            assertTrue(a.changedOutside(), "back: everything is read again");
            assertTrue(a.serverAway().isEmpty());
            assertEquals(codings, a.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum(), "nothing was queued");
            a.coding().apply(doc, 0, 5, health, "Saran");
            assertEquals(codings + 1, a.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void aListeningSessionIsWokenByTheOthersChangeAtOnce() {
        String address = sharedSample();
        try (ProjectSession a = ProjectSession.openShared(address, dir.resolve("cache-a"));
             ProjectSession b = ProjectSession.openShared(address, dir.resolve("cache-b"));
             ProjectSession.ChangeWaiter waiter = a.listenForChanges().orElseThrow()) {
            assertFalse(waiter.await(1), "nothing yet (and now it listens)");
            b.coding().apply(b.documents().all().getFirst(), 0, 5, b.codebook().resolve("Health"), "Bilguun");
            long start = System.nanoTime();
            // a bound for a broken build, not a pause: the notification is there already
            assertTrue(waiter.await(60_000));
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
            assertTrue(a.changedOutside());
        }
        try (ProjectSession file = ProjectSession.open(dir.resolve("样本.tamga"), dir.resolve("cache-file"))) {
            assertTrue(file.listenForChanges().isEmpty(), "a project file has no server to listen to");
        }
    }
}
