package io.nightshift.api.ui;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's changes as server-sent events: the API's WatchTask stream, each change a {@code task} event whose data
 * is the whole task as JSON, until the task ends ({@code end}) or the page goes away. Timeline entries new to the
 * stream go first as a {@code timeline} event ({@code {"entries": [...], "lost": N}}); both carry the task's
 * sequence as their {@code id}, so a browser that reconnects sends it back as {@code Last-Event-ID} and the new
 * stream resumes after it (WatchTaskRequest.after_sequence): nothing is missed. A view without a sequence (tasks of
 * older workers) goes out without an id. An error from the API after
 * the stream began is sent as an {@code error} event, since the status line is gone by then; one before the first
 * event is the plain JSON error (an unknown task is a 404, one watch too many a 429 RESOURCE_EXHAUSTED).
 *
 * <p>No thread waits on a stream. The handler that opens it returns at once; the API's events land in a mailbox that
 * holds only the latest view (each is the whole task, so one that replaces another loses nothing) and the timeline
 * entries not yet written (at most {@value #ENTRIES_HELD}; more are counted as lost), and a turn on
 * the shared {@link EventStreamWriters} writes what waits. A task may wait for days without a change, so a comment
 * line goes out every keepalive: that is how a closed page is noticed and its watch cancelled. A write that a page
 * does not take within two keepalives is broken off (interrupting it closes the socket) and the stream closed, so a
 * page that stopped reading holds a writer only that long.
 */
final class TaskEventStream implements ClientResponseObserver<WatchTaskRequest, TaskEvent> {
  private static final Logger log = LoggerFactory.getLogger(TaskEventStream.class);
  static final long KEEPALIVE_MILLIS = 15_000;
  private static final long FIRST_EVENT_MILLIS = 60_000;
  /** Timeline entries a stream holds for a page that reads slowly; the task itself retains 256. */
  static final int ENTRIES_HELD = 1024;

  private final HttpExchange ex;
  private final String taskId;
  private final EventStreamWriters writers;
  private final Consumer<StatusRuntimeException> refused;
  private final long openedAt = System.nanoTime();
  private ClientCallStreamObserver<WatchTaskRequest> call;
  /** Written by the turn in progress alone; read by the timer. */
  private volatile boolean headersSent;

  // the mailbox, under this
  private String latestTask;
  private long latestSequence;
  private final ArrayDeque<String> entries = new ArrayDeque<>();
  private long lost;
  private Throwable failure;
  private boolean completed;
  private boolean keepalive;
  private boolean turnQueued;
  private boolean closed;

  // the write in progress, for the timer to break off
  private final Object writeLock = new Object();
  private Thread writer;
  private long writeNumber;

  private TaskEventStream(HttpExchange ex, String taskId, long after, EventStreamWriters writers,
      Consumer<StatusRuntimeException> refused) {
    this.latestSequence = after;
    this.ex = ex;
    this.taskId = taskId;
    this.writers = writers;
    this.refused = refused;
  }

  /**
   * Starts streaming {@code taskId} to {@code ex} and returns; the stream answers and closes the exchange itself.
   *
   * @param refused told of the API's refusal before the first event (the UI ends a session the API no longer takes)
   */
  static void open(HttpExchange ex, String taskId, long after, TaskServiceGrpc.TaskServiceStub api,
      EventStreamWriters writers, Consumer<StatusRuntimeException> refused) {
    TaskEventStream stream = new TaskEventStream(ex, taskId, after, writers, refused);
    writers.opened(stream);
    api.watchTask(WatchTaskRequest.newBuilder().setTaskId(taskId).setAfterSequence(after).build(), stream);
  }

  HttpExchange exchange() {
    return ex;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<WatchTaskRequest> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(TaskEvent event) {
    String json;
    List<String> added = new ArrayList<>();
    try {
      json = HttpStatuses.PRINTER.print(event.getTask());
      for (TimelineEvent e : event.getTimelineList()) {
        added.add(HttpStatuses.PRINTER.print(e));
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a task view that does not print as JSON", e);
    }
    synchronized (this) {
      latestTask = json;
      // never back: a view read a moment before the page's last event (another API's poll) must not move the
      // page's Last-Event-ID back, or its next reconnect would be sent entries again
      latestSequence = Math.max(latestSequence, event.getSequence());
      lost += event.getTimelineLost();
      entries.addAll(added);
      while (entries.size() > ENTRIES_HELD) {
        entries.removeFirst();
        lost++;
      }
      queueTurn();
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    failure = t;
    queueTurn();
  }

  @Override
  public synchronized void onCompleted() {
    completed = true;
    queueTurn();
  }

  /** From the timer, every keepalive: a comment line once streaming, or giving up on a first event that never came. */
  synchronized void tick() {
    if (headersSent) {
      keepalive = true;
    } else if (System.nanoTime() - openedAt > TimeUnit.MILLISECONDS.toNanos(FIRST_EVENT_MILLIS) && failure == null) {
      failure = Status.UNAVAILABLE.withDescription("the API sent nothing for task " + taskId + " in "
          + FIRST_EVENT_MILLIS / 1000 + " s").asRuntimeException();
    }
    queueTurn();
  }

  /** The UI is closing: ends the watch and the page's connection without another word. */
  void abandon() {
    close();
  }

  private void queueTurn() {
    if (!turnQueued && !closed) {
      turnQueued = true;
      writers.writers.execute(this::turn);
    }
  }

  /** On a writer: writes what waits, until nothing does. */
  private void turn() {
    while (true) {
      String task;
      long sequence;
      String timeline;
      Throwable failed;
      boolean done;
      boolean idle;
      synchronized (this) {
        if (closed) {
          turnQueued = false;
          return;
        }
        task = latestTask;
        sequence = latestSequence;
        timeline = entries.isEmpty() && lost == 0 ? null
            : "{\"entries\":[" + String.join(",", entries) + "],\"lost\":" + lost + "}";
        entries.clear();
        lost = 0;
        failed = failure;
        done = completed;
        idle = keepalive;
        latestTask = null;
        keepalive = false;
        if (task == null && failed == null && !done && !idle) {
          turnQueued = false;
          return;
        }
      }
      try {
        if (!headersSent) {
          if (task == null) {
            if (failed != null || done) {
              answerRefusal(failed);
              close();
              return;
            }
            continue; // a keepalive before the first event: nothing to keep alive yet
          }
          guarded(() -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
          });
          headersSent = true;
        }
        String id = sequence > 0 ? "id: " + sequence + "\n" : "";
        if (timeline != null) {
          write("event: timeline\n" + id + "data: " + timeline + "\n\n");
        }
        if (task != null) {
          write("event: task\n" + id + "data: " + task + "\n\n");
        } else if (idle && failed == null && !done) {
          write(": keepalive\n\n");
        }
        if (failed != null) {
          if (failed instanceof StatusRuntimeException e) {
            write("event: error\ndata: " + WorkflowUiServer.JSON.writeValueAsString(HttpStatuses.body(e)) + "\n\n");
          }
          close();
          return;
        }
        if (done) {
          write("event: end\ndata: {}\n\n");
          close();
          return;
        }
      } catch (IOException pageGone) {
        log.debug("event stream of task {} closed: {}", taskId, pageGone.toString());
        close();
        return;
      }
    }
  }

  /** The API refused the watch before its first event: the page gets the plain JSON error. */
  private void answerRefusal(Throwable failed) throws IOException {
    if (failed instanceof StatusRuntimeException e) {
      refused.accept(e);
      guarded(() -> WorkflowUiServer.sendJson(ex, HttpStatuses.of(e.getStatus().getCode()), HttpStatuses.body(e)));
    } else if (failed != null) {
      guarded(() -> WorkflowUiServer.sendJson(ex, 500, HttpStatuses.body("INTERNAL", String.valueOf(
          failed.getMessage()), null)));
    } else {
      guarded(() -> WorkflowUiServer.sendJson(ex, 500, HttpStatuses.body("INTERNAL",
          "the API's watch of task " + taskId + " ended without an event", null)));
    }
  }

  private void write(String text) throws IOException {
    guarded(() -> {
      OutputStream out = ex.getResponseBody();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    });
  }

  /** Runs a write that the timer breaks off after the write timeout, by interrupting it (which closes the socket). */
  private void guarded(WorkflowUiServer.IoAction write) throws IOException {
    long number;
    synchronized (writeLock) {
      writer = Thread.currentThread();
      number = ++writeNumber;
    }
    ScheduledFuture<?> guard = writers.timer.schedule(() -> breakOff(number), writers.writeTimeoutMillis,
        TimeUnit.MILLISECONDS);
    try {
      write.run();
    } finally {
      guard.cancel(false);
      synchronized (writeLock) {
        writer = null;
      }
      Thread.interrupted(); // a break-off that came as the write finished must not reach the next stream's write
    }
  }

  private void breakOff(long number) {
    synchronized (writeLock) {
      if (writer != null && writeNumber == number) {
        log.info("a page took no event of task {} for {} ms: closing its stream", taskId, writers.writeTimeoutMillis);
        writer.interrupt();
      }
    }
  }

  private void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (call != null) {
      call.cancel("the page's event stream closed", null);
    }
    writers.closed(this);
    ex.close();
  }
}
