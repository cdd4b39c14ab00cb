package io.nightshift.runtime.ui;

import com.sun.net.httpserver.HttpExchange;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * One task's changes as server-sent events: the API's WatchTask stream, each change a {@code task} event whose data
 * is the whole task as JSON, until the task ends or the page goes away (then the watch is cancelled). An error from
 * the API after the stream began is sent as an {@code error} event, since the status line is gone by then.
 */
final class TaskEventStream {
  private final TaskServiceGrpc.TaskServiceBlockingStub api;

  TaskEventStream(TaskServiceGrpc.TaskServiceBlockingStub api) {
    this.api = api;
  }

  void send(HttpExchange ex, String taskId) throws IOException {
    Context.CancellableContext watch = Context.current().withCancellation();
    try {
      watch.run(() -> {
        try {
          stream(ex, taskId);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      // the page closed the stream: nothing to answer
    } finally {
      watch.cancel(null); // stops the gRPC watch
    }
  }

  private void stream(HttpExchange ex, String taskId) throws IOException {
    Iterator<TaskEvent> events = api.watchTask(WatchTaskRequest.newBuilder().setTaskId(taskId).build());
    // the first event (or the API's refusal) comes before the headers, so an unknown task is a plain 404
    TaskEvent first = events.next();
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    write(out, "task", HttpStatuses.PRINTER.print(first.getTask()));
    try {
      while (events.hasNext()) {
        write(out, "task", HttpStatuses.PRINTER.print(events.next().getTask()));
      }
      write(out, "end", "{}");
    } catch (StatusRuntimeException e) {
      write(out, "error", WorkflowUiServer.JSON.writeValueAsString(HttpStatuses.body(e)));
    }
    out.close();
  }

  private static void write(OutputStream out, String event, String json) throws IOException {
    out.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
