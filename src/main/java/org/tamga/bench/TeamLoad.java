package org.tamga.bench;

import org.tamga.core.ProjectSession;
import org.tamga.core.SampleProject;
import org.tamga.core.SearchService;
import org.tamga.core.SharedProjects;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.TamgaException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench --team N --server ADDRESS} (issue 12 item 7, ADR 48): N coders, each with a session
 * (its own connections and index) on one shared project, code and search at a human-plus pace
 * for a while. Each coder also watches, as a window does (woken by LISTEN/NOTIFY, catching up by
 * id), for the others' codings; the bench reports how long a coding took to be seen by each of
 * the others, the throughput, the searches, and checks at the end that every acknowledged coding
 * is there and the count is exact.
 */
public final class TeamLoad {
    private TeamLoad() {}

    /** The figures of one run. */
    public record Figures(int coders, double seconds, long acknowledged, long lost, long countBefore, long countAfter,
                          long refused, long sightings, long unseen, double visibleP50, double visibleP95, double visibleMax,
                          int searches, double searchP50, double searchP95) {
        public double throughput() { return acknowledged / seconds; }
    }

    private static final List<String> QUERIES = List.of("草场", "贫困", "grassland", "\"summer camp\"", "合作社", "training", "малчин");

    /**
     * Runs the load against the shared project at {@code address}; an empty database gets the sample
     * project first. {@code paceMs}: each coder's mean pause between two actions.
     */
    public static Figures run(String address, int coders, int seconds, int paceMs, long seed, Path work, PrintWriter out) {
        return run(address, coders, seconds, Integer.MAX_VALUE, paceMs, seed, work, out);
    }

    /** … or until each coder has made {@code actions} actions, whichever comes first. */
    public static Figures run(String address, int coders, int seconds, int actions, int paceMs, long seed, Path work, PrintWriter out) {
        try {
            Files.createDirectories(work);
            ensureProject(address, work);
        } catch (java.io.IOException e) {
            throw new TamgaException("Cannot use " + work + ": " + e.getMessage(), e);
        }
        long countBefore;
        try (ProjectSession s = ProjectSession.openShared(address, work.resolve("cache-check"))) {
            countBefore = s.coding().countsByCode().values().stream().mapToLong(Integer::longValue).sum();
        }
        Map<String, Long> acked = new ConcurrentHashMap<>();          // coding guid → when its commit returned
        Map<String, String> author = new ConcurrentHashMap<>();       // coding guid → coder
        Map<String, Map<String, Long>> seenBy = new ConcurrentHashMap<>(); // coder → guid → when first seen
        ConcurrentLinkedQueue<Double> searchMs = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Math.min(seconds, 86_400) * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch codersDone = new java.util.concurrent.CountDownLatch(coders);
        out.printf(Locale.ROOT, "team load: %d coders on %s for %d s, a pause of %d ms on average between actions%n", coders, address, seconds, paceMs);
        out.flush();
        for (int i = 0; i < coders; i++) {
            String coder = "coder " + (i + 1) + " 🐑";
            Map<String, Long> mine = new ConcurrentHashMap<>();
            seenBy.put(coder, mine);
            ProjectSession session = ProjectSession.openShared(address, work.resolve("cache-" + i));
            session.setCoder(coder);
            ProjectSession watching = ProjectSession.openShared(address, work.resolve("cache-watch-" + i));
            Random random = new Random(seed * 31 + i);
            threads.add(new Thread(() -> {
                try (session) {
                    List<Document> docs = session.documents().all();
                    List<Code> codes = session.codebook().codebook().codes().stream().filter(Code::codable).toList();
                    for (int done = 0; done < actions && System.nanoTime() < end; done++) {
                        pause(random, paceMs);
                        if (random.nextInt(5) == 0) {
                            long t0 = System.nanoTime();
                            session.search().search(SearchService.Request.of(QUERIES.get(random.nextInt(QUERIES.size()))));
                            searchMs.add((System.nanoTime() - t0) / 1e6);
                            continue;
                        }
                        Document d = docs.get(random.nextInt(docs.size()));
                        int length = d.length();
                        int from = random.nextInt(Math.max(1, length - 40));
                        int to = Math.min(length, from + 1 + random.nextInt(200));
                        try {
                            Coding c = session.coding().apply(d, from, to, codes.get(random.nextInt(codes.size())), coder);
                            acked.put(c.guid(), System.nanoTime());
                            author.put(c.guid(), coder);
                        } catch (TamgaException e) {
                            refused.incrementAndGet(); // the same passage and code drawn twice: refused, not lost
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    codersDone.countDown();
                }
            }, "coder-" + i));
            threads.add(new Thread(() -> {
                try (watching; ProjectSession.ChangeWaiter waiter = watching.listenForChanges().orElseThrow()) {
                    long high = 0;
                    Set<String> seen = new HashSet<>();
                    // until the coders have stopped and every coding they acknowledged has been caught up
                    // (a bound of a minute after the end, for a broken build: what is not seen by then is counted as never seen)
                    long bound = end + 60_000_000_000L;
                    while (System.nanoTime() < bound) {
                        if (codersDone.getCount() == 0 && seen.containsAll(acked.keySet())) break;
                        waiter.await(200);
                        for (Coding c : watching.coding().since(Math.max(0, high - 500))) {
                            high = Math.max(high, c.id());
                            if (seen.add(c.guid())) mine.put(c.guid(), System.nanoTime());
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "watcher-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TamgaException("The team load was interrupted.", e);
            }
        }
        if (!failures.isEmpty()) {
            TamgaException e = new TamgaException("The team load failed: " + failures.getFirst());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        double took = (System.nanoTime() - start) / 1e9;
        Latencies visible = new Latencies();
        long unseen = 0;
        for (var entry : acked.entrySet()) {
            for (var watcher : seenBy.entrySet()) {
                if (watcher.getKey().equals(author.get(entry.getKey()))) continue;
                Long when = watcher.getValue().get(entry.getKey());
                if (when == null) unseen++;
                else visible.add(Math.max(0, when - entry.getValue()) / 1e6);
            }
        }
        long lost = 0, countAfter;
        try (ProjectSession s = ProjectSession.openShared(address, work.resolve("cache-check"))) {
            for (String guid : acked.keySet()) {
                try { s.coding().byGuid(guid); } catch (TamgaException e) { lost++; }
            }
            countAfter = s.coding().countsByCode().values().stream().mapToLong(Integer::longValue).sum();
        }
        Latencies searches = new Latencies();
        searchMs.forEach(searches::add);
        return new Figures(coders, took, acked.size(), lost, countBefore, countAfter, refused.get(), visible.count(), unseen,
                visible.median(), visible.percentile(95), visible.percentile(100), searches.count(), searches.median(), searches.percentile(95));
    }

    private static void ensureProject(String address, Path work) {
        try (ProjectSession s = ProjectSession.openShared(address, work.resolve("cache-check"))) {
            return; // there is a project already
        } catch (TamgaException e) {
            if (!e.getMessage().contains("holds no Tamga project")) throw e;
        }
        Path sample = work.resolve("team-sample.tamga");
        try {
            Files.deleteIfExists(sample);
        } catch (java.io.IOException e) {
            throw new TamgaException("Cannot replace " + sample + ": " + e.getMessage(), e);
        }
        SampleProject.create(sample, work.resolve("cache-check")).close();
        SharedProjects.publish(sample, address);
    }

    /** A human-plus pace: a pause of 0.5–1.5 × the mean. */
    private static void pause(Random random, int meanMs) throws InterruptedException {
        if (meanMs > 0) Thread.sleep(meanMs / 2 + random.nextInt(meanMs));
    }

    public static void print(Figures f, PrintWriter out) {
        out.printf(Locale.ROOT, "coders                       %d, %.1f s%n", f.coders(), f.seconds());
        out.printf(Locale.ROOT, "codings acknowledged         %,d (%.1f per second); %,d refused as already coded%n", f.acknowledged(), f.throughput(), f.refused());
        out.printf(Locale.ROOT, "edit visible to the others   p50 %.0f ms, p95 %.0f ms, max %.0f ms (%,d sightings; %,d never seen)%n",
                f.visibleP50(), f.visibleP95(), f.visibleMax(), f.sightings(), f.unseen());
        out.printf(Locale.ROOT, "searches                     %,d, p50 %.1f ms, p95 %.1f ms%n", f.searches(), f.searchP50(), f.searchP95());
        out.printf(Locale.ROOT, "at the end                   %,d codings before + %,d acknowledged = %,d expected; %,d found; %,d acknowledged codings lost%n",
                f.countBefore(), f.acknowledged(), f.countBefore() + f.acknowledged(), f.countAfter(), f.lost());
        out.flush();
    }
}
