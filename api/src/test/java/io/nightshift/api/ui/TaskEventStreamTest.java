package io.nightshift.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskEvent;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.WatchTaskRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UI's event stream against a gRPC TaskService on a real socket whose watch of a quiet task never ends: a page
 * that goes away must end the watch (found through the keepalive), one that stops reading is cut off, and an unknown
 * task is a plain 404.
 */
class TaskEventStreamTest {
  private final CountDownLatch watchCancelled = new CountDownLatch(1);
  private final CountDownLatch busyCancelled = new CountDownLatch(1);
  private Server api;
  private WorkflowUiServer ui;

  @BeforeEach
  void setUp() throws Exception {
    api = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceGrpc.TaskServiceImplBase() {
          @Override
          public void watchTask(WatchTaskRequest request, StreamObserver<TaskEvent> events) {
            if (request.getTaskId().equals("busy")) {
              busy(events);
              return;
            }
            if (!request.getTaskId().equals("quiet")) {
              events.onError(Status.NOT_FOUND.withDescription("no task with id '" + request.getTaskId() + "'")
                  .asRuntimeException());
              return;
            }
            ((ServerCallStreamObserver<TaskEvent>) events).setOnCancelHandler(watchCancelled::countDown);
            // one snapshot, then nothing: a task waiting for days for a person
            events.onNext(TaskEvent.newBuilder().setTask(Task.newBuilder().setId("quiet")
                .setState(TaskState.TASK_STATE_AWAITING_APPROVAL)).build());
          }
        }).build().start();
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:" + api.getPort(), 200);
  }

  @AfterEach
  void tearDown() throws Exception {
    ui.close();
    api.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldEndTheApiWatchWhenThePageGoesAwayEvenIfTheTaskNeverChanges() throws Exception {
    HttpURLConnection page = open("/api/tasks/quiet/events");
    assertThat(page.getResponseCode()).isEqualTo(200);
    assertThat(page.getContentType()).startsWith("text/event-stream");
    BufferedReader in = new BufferedReader(new InputStreamReader(page.getInputStream(), StandardCharsets.UTF_8));
    assertThat(in.readLine()).isEqualTo("event: task");
    assertThat(in.readLine()).startsWith("data: {\"id\":\"quiet\"").contains("TASK_STATE_AWAITING_APPROVAL");
    assertThat(watchCancelled.getCount()).as("the watch runs while the page is open").isEqualTo(1);

    page.disconnect(); // the page is closed; the task stays quiet
    assertThat(watchCancelled.await(10, TimeUnit.SECONDS)).as("the API's watch was cancelled").isTrue();
  }

  @Test
  void shouldAnswerAnUnknownTasksStreamWithTheApisNotFound() throws Exception {
    HttpURLConnection page = open("/api/tasks/nope/events");
    assertThat(page.getResponseCode()).isEqualTo(404);
    String body = new String(page.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"code\":\"NOT_FOUND\"").contains("no task with id 'nope'");
  }

  @Test
  void shouldBreakOffAStreamWhosePageStoppedReadingAndEndItsWatch() throws Exception {
    try (Socket page = new Socket()) {
      page.setReceiveBufferSize(4096);
      page.connect(new InetSocketAddress("127.0.0.1", ui.port()));
      page.getOutputStream().write(("GET /api/tasks/busy/events HTTP/1.1\r\nHost: 127.0.0.1:" + ui.port()
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      // the page reads nothing while the task changes by megabytes: the UI's write blocks, and is broken off after
      // two keepalives (400 ms here) rather than holding a writer for as long as the page stays open
      assertThat(busyCancelled.await(10, TimeUnit.SECONDS)).as("the API's watch was cancelled").isTrue();
    }
    HttpURLConnection other = open("/api/tasks/quiet/events");
    assertThat(other.getResponseCode()).as("the UI still streams to other pages").isEqualTo(200);
    other.disconnect();
  }

  /** A task that changes every 50 ms by a megabyte, until its watch is cancelled. */
  private void busy(StreamObserver<TaskEvent> events) {
    ServerCallStreamObserver<TaskEvent> out = (ServerCallStreamObserver<TaskEvent>) events;
    out.setOnCancelHandler(busyCancelled::countDown);
    Thread changes = new Thread(() -> {
      String padding = "x".repeat(1024 * 1024);
      for (int v = 0; busyCancelled.getCount() > 0 && v < 400; v++) {
        out.onNext(TaskEvent.newBuilder().setTask(Task.newBuilder().setId("busy").setGoal(v + padding)
            .setState(TaskState.TASK_STATE_RUNNING)).build());
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    changes.setDaemon(true);
    changes.start();
  }

  private HttpURLConnection open(String path) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + ui.port() + path).toURL()
        .openConnection();
    c.setReadTimeout(10_000);
    return c;
  }
}
