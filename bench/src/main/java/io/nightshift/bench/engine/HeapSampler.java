package io.nightshift.bench.engine;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM, where the worker runs in-process. Two figures, because "peak heap" is ambiguous:
 * the highest heap in use seen by sampling every 20 ms (includes garbage not yet collected, so it mostly shows
 * how far the collector lets the heap fill under -Xmx), and the largest heap left right after any collection
 * (from GC notifications: the worker's working set plus old garbage a young collection does not touch, so an
 * upper bound of what the worker really needs). Every collection's figure is kept with its time, so a run's
 * {@link HeapTrend} (max, median, slope) shows whether the heap grows with the work.
 */
public final class HeapSampler implements AutoCloseable {
  private final Thread thread;
  private volatile long peakUsed;
  private volatile long afterGcPeak;
  private volatile boolean running = true;
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final List<HeapTrend.Sample> afterGc = new ArrayList<>();
  private final long startedAt = System.currentTimeMillis();
  private final NotificationListener onGc = (n, handback) -> {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
      long after = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
          .mapToLong(e -> e.getValue().getUsed()).sum();
      afterGcPeak = Math.max(afterGcPeak, after);
      synchronized (afterGc) {
        afterGc.add(new HeapTrend.Sample(System.currentTimeMillis() - startedAt, after));
      }
    }
  };
  private final long gcCountAtStart;
  private final long gcMillisAtStart;

  private HeapSampler() {
    thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    gcCountAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    gcMillisAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(onGc, null, null));
  }

  public static HeapSampler start() {
    HeapSampler s = new HeapSampler();
    s.thread.start();
    return s;
  }

  private void sample() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (running) {
      peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public long peakUsedBytes() {
    return peakUsed;
  }

  /** Milliseconds since the sampler started: the clock of {@link HeapTrend.Sample#atMillis}. */
  public long elapsedMillis() {
    return System.currentTimeMillis() - startedAt;
  }

  /** Where the samples stand now: pass it to {@link #trendSince} to summarise only what came after. */
  public int mark() {
    synchronized (afterGc) {
      return afterGc.size();
    }
  }

  /** The heap left after each collection since {@code mark}, summarised. */
  public HeapTrend trendSince(int mark) {
    synchronized (afterGc) {
      return HeapTrend.of(List.copyOf(afterGc.subList(mark, afterGc.size())));
    }
  }

  public long peakAfterGcBytes() {
    return afterGcPeak;
  }

  public long collections() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCountAtStart;
  }

  public long gcMillis() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisAtStart;
  }

  public static long maxHeapBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    for (GarbageCollectorMXBean c : collectors) {
      try {
        ((NotificationEmitter) c).removeNotificationListener(onGc);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
