package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow UI's event streams over the API's shared watches on real sockets: the UI's streams count against
 * {@code --max-watchers}, one too many is a 429 with RESOURCE_EXHAUSTED in the UI's JSON error, and the streams
 * open keep getting each change.
 */
class UiEventStreamCapTest {
  private final AtomicInteger version = new AtomicInteger(1);
  private TaskWatcher watcher;
  private Server api;
  private WorkflowUiServer ui;

  @AfterEach
  void tearDown() {
    if (ui != null) {
      ui.close();
    }
    if (api != null) {
      api.shutdownNow();
    }
    if (watcher != null) {
      watcher.close();
    }
  }

  @Test
  void shouldAnswerAPageBeyondTheWatchCapWithResourceExhaustedAndKeepTheOpenStreamsGoing() throws Exception {
    WatchSlots slots = new WatchSlots(2);
    watcher = new TaskWatcher(id -> Task.newBuilder().setId(id).setGoal("v" + version.get())
        .setState(TaskState.TASK_STATE_RUNNING).build(), Duration.ofMillis(50), slots);
    api = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceGrpc.TaskServiceImplBase() {
          @Override
          public void watchTask(WatchTaskRequest request, StreamObserver<TaskEvent> out) {
            try {
              watcher.watch(request.getTaskId(), (ServerCallStreamObserver<TaskEvent>) out);
            } catch (RuntimeException e) {
              out.onError(CallFailures.toStatus(e));
            }
          }
        }).build().start();
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:" + api.getPort());

    BufferedReader first = events("/api/tasks/t-1/events");
    BufferedReader second = events("/api/tasks/t-1/events");
    assertThat(nextTask(first)).contains("\"goal\":\"v1\"");
    assertThat(nextTask(second)).contains("\"goal\":\"v1\"");

    HttpURLConnection third = open("/api/tasks/t-1/events");
    assertThat(third.getResponseCode()).isEqualTo(429);
    String body = new String(third.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"code\":\"RESOURCE_EXHAUSTED\"").contains("--max-watchers 2");

    version.set(2);
    assertThat(nextTask(first)).contains("\"goal\":\"v2\"");
    assertThat(nextTask(second)).contains("\"goal\":\"v2\"");
  }

  private BufferedReader events(String path) throws Exception {
    HttpURLConnection page = open(path);
    assertThat(page.getResponseCode()).isEqualTo(200);
    return new BufferedReader(new InputStreamReader(page.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The data line of the next task event, skipping keepalives. */
  private static String nextTask(BufferedReader in) throws Exception {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("event: task")) {
        return in.readLine();
      }
    }
    throw new AssertionError("the stream ended");
  }

  private HttpURLConnection open(String path) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + ui.port() + path).toURL()
        .openConnection();
    c.setReadTimeout(10_000);
    return c;
  }
}
