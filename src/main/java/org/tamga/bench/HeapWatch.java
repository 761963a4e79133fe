package org.tamga.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The peak of the Java heap while the benchmark runs: the heap in use just before each garbage
 * collection (the highest it got, garbage included; reported by the collector itself), the heap in
 * use just after each collection (live data, plus whatever garbage a young collection leaves in the
 * old generation: an upper bound of what was alive), and a sample every 10 ms in between.
 */
final class HeapWatch implements AutoCloseable {
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<Runnable> unregister = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::collected;
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try { emitter.removeNotificationListener(listener); } catch (Exception ignored) { /* gone already */ }
                });
            }
        }
        sampler = Thread.ofPlatform().daemon().name("tamga-heap-watch").start(() -> {
            while (running) {
                note(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try { Thread.sleep(10); } catch (InterruptedException e) { return; }
            }
        });
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        note(heap(info.getMemoryUsageBeforeGc()));
        long after = heap(info.getMemoryUsageAfterGc());
        synchronized (this) { if (after > peakAfterGc) peakAfterGc = after; }
    }

    private long heap(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (var e : pools.entrySet()) if (heapPools.contains(e.getKey())) sum += e.getValue().getUsed();
        return sum;
    }

    private synchronized void note(long used) { if (used > peakUsed) peakUsed = used; }

    /** The most heap in use at any moment seen, in bytes (garbage not yet collected included). */
    long peakUsed() {
        note(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return peakUsed;
    }

    /** The most heap still in use right after a collection, in bytes: an upper bound of the largest live set. */
    long peakAfterGc() { return peakAfterGc; }

    /** The largest heap the JVM may use (-Xmx), in bytes. */
    static long max() { return Runtime.getRuntime().maxMemory(); }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unregister.forEach(Runnable::run);
    }
}
