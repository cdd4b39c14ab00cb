package io.nightshift.workflows.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs n small artifact-store jobs on a few threads and returns their results in index order. The map's split,
 * chunk lookup and merge each touch thousands of small files one after another on the path from one map leaf to the
 * next; file system calls overlap well even on 2 cores. Results are content-addressed, so the order of the writes
 * changes nothing but time.
 */
final class InOrder {
  private static final int THREADS = 4;
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "nightshift-map-io");
    t.setDaemon(true);
    return t;
  });

  private InOrder() {}

  /**
   * Runs one job on the same threads, for a caller that keeps a bounded number in flight itself (the streaming
   * split's chunk writes, the merge's read-ahead).
   */
  static <T> Future<T> submit(Callable<T> job) {
    return POOL.submit(job);
  }

  /** The result of {@code job}, with its failure rethrown as thrown (an I/O failure as an {@link IOException}). */
  static <T> T get(Future<T> job) throws IOException {
    try {
      return job.get();
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The results of {@code job} for 0..n-1, in that order; the first failure is rethrown as it was thrown. */
  static <T> List<T> map(int n, IntFunction<T> job) {
    if (n < 64) {
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(job.apply(i));
      }
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(POOL.submit(() -> job.apply(index)));
    }
    List<T> out = new ArrayList<>(n);
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
