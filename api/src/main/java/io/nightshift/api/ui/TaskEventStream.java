package io.nightshift.api.ui;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One task's changes as server-sent events: the API's WatchTask stream, each change a {@code task} event whose data
 * is the whole task as JSON, until the task ends ({@code end}) or the page goes away. A task may wait for days
 * without a change, so a comment line goes out every {@link #KEEPALIVE_MILLIS}: that is how a closed page is noticed
 * and its watch cancelled, instead of holding a thread and a gRPC stream until the task next changes. An error from
 * the API after the stream began is sent as an {@code error} event, since the status line is gone by then.
 */
final class TaskEventStream {
  static final long KEEPALIVE_MILLIS = 15_000;

  private final TaskServiceGrpc.TaskServiceStub api;
  private final long keepaliveMillis;

  TaskEventStream(TaskServiceGrpc.TaskServiceStub api, long keepaliveMillis) {
    this.api = api;
    this.keepaliveMillis = keepaliveMillis;
  }

  void send(HttpExchange ex, String taskId) throws IOException {
    Watch watch = new Watch(ex);
    api.watchTask(WatchTaskRequest.newBuilder().setTaskId(taskId).build(), watch);
    // the first event (or the API's refusal) comes before the headers, so an unknown task is a plain 404
    try {
      watch.started.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException refused) {
        throw refused;
      }
      throw new IOException(e.getCause());
    } catch (TimeoutException | InterruptedException e) {
      watch.cancel("no first event from the API");
      throw new IOException("the API sent nothing for task " + taskId, e);
    }
    try {
      while (!watch.ended.isDone()) {
        try {
          watch.ended.get(keepaliveMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException idle) {
          watch.write(": keepalive\n\n");
        } catch (ExecutionException | InterruptedException e) {
          break;
        }
      }
    } catch (IOException pageGone) {
      // nothing to answer
    } finally {
      watch.cancel("the page closed its stream");
      ex.getResponseBody().close();
    }
  }

  /** Writes each event as it comes; all writes go through one lock, from gRPC's thread and the keepalive loop. */
  private static final class Watch implements ClientResponseObserver<WatchTaskRequest, TaskEvent> {
    final CompletableFuture<Void> started = new CompletableFuture<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpExchange ex;
    private ClientCallStreamObserver<WatchTaskRequest> call;

    Watch(HttpExchange ex) {
      this.ex = ex;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchTaskRequest> requestStream) {
      this.call = requestStream;
    }

    @Override
    public void onNext(TaskEvent event) {
      try {
        if (!started.isDone()) {
          ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
          ex.getResponseHeaders().set("Cache-Control", "no-store");
          ex.sendResponseHeaders(200, 0);
          started.complete(null);
        }
        write("event: task\ndata: " + HttpStatuses.PRINTER.print(event.getTask()) + "\n\n");
      } catch (IOException pageGone) {
        cancel("the page closed its stream");
        ended.complete(null);
      }
    }

    @Override
    public void onError(Throwable t) {
      if (!started.isDone()) {
        started.completeExceptionally(t);
      } else if (t instanceof StatusRuntimeException e && !ended.isDone()) {
        try {
          write("event: error\ndata: " + WorkflowUiServer.JSON.writeValueAsString(HttpStatuses.body(e)) + "\n\n");
        } catch (IOException pageGone) {
          // nothing more to tell it
        }
      }
      ended.complete(null);
    }

    @Override
    public void onCompleted() {
      if (!started.isDone()) {
        started.completeExceptionally(new IllegalStateException("the API's watch ended without an event"));
        ended.complete(null);
        return;
      }
      try {
        write("event: end\ndata: {}\n\n");
      } catch (IOException pageGone) {
        // it ended anyway
      }
      ended.complete(null);
    }

    synchronized void write(String text) throws IOException {
      OutputStream out = ex.getResponseBody();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void cancel(String why) {
      if (call != null) {
        call.cancel(why, null);
      }
    }
  }
}
