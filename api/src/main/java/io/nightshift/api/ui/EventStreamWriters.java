package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the UI's open event streams share instead of a thread each: a few writer threads that write whatever a
 * stream has waiting, and one timer that sends keepalives, gives up on a stream whose first event does not come,
 * and breaks off a write that a page stopped reading. A stream queues at most one turn on the writers at a time,
 * so their queue is bounded by the streams open, which the API's {@code --max-watchers} caps.
 */
final class EventStreamWriters implements AutoCloseable {
  private static final int WRITERS = 4;

  final long keepaliveMillis;
  final long writeTimeoutMillis;
  final ThreadPoolExecutor writers = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), daemon("nightshift-ui-events"));
  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("nightshift-ui-timer"));
  private final Map<HttpExchange, TaskEventStream> open = new ConcurrentHashMap<>();

  /**
   * @param keepaliveMillis how often an idle stream sends a comment line; a write a page has not taken in two of
   *                        these is broken off
   */
  EventStreamWriters(long keepaliveMillis) {
    this.keepaliveMillis = keepaliveMillis;
    this.writeTimeoutMillis = 2 * keepaliveMillis;
    writers.allowCoreThreadTimeOut(true);
    timer.scheduleWithFixedDelay(() -> open.values().forEach(TaskEventStream::tick), keepaliveMillis,
        keepaliveMillis, TimeUnit.MILLISECONDS);
  }

  void opened(TaskEventStream stream) {
    open.put(stream.exchange(), stream);
  }

  void closed(TaskEventStream stream) {
    open.remove(stream.exchange(), stream);
  }

  /** Whether {@code ex} is an open event stream's, which its stream closes, not the handler that started it. */
  boolean holds(HttpExchange ex) {
    return open.containsKey(ex);
  }

  int streams() {
    return open.size();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    writers.shutdownNow();
    open.values().forEach(TaskEventStream::abandon);
  }
}
