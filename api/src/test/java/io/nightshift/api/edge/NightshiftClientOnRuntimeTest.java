package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.client.NightshiftClient;
import io.nightshift.client.RetryPolicy;
import io.nightshift.client.TaskHandle;
import io.nightshift.client.TaskTimeoutException;
import io.nightshift.client.TaskWatch;
import io.nightshift.client.pipeline.Pipeline;
import io.nightshift.client.pipeline.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client against a whole runtime on loopback sockets (real gRPC, Temporal's in-memory server, real
 * workers): pipelines built with the typed builders, submitted and awaited; a watch whose connection is cut under it
 * (the timeline entries it received are the task's, each once); an API that comes up after the client's first
 * call (a read, an artifact, a submission with an idempotency key); artifacts read as streams; filters across
 * pages, a fork and its artifacts. The client reaches the API through a
 * {@link TcpRelay} where the test needs to cut or delay the network, and sends the admin token from its file.
 */
class NightshiftClientOnRuntimeTest {
  private static final RetryPolicy PATIENT = new RetryPolicy(30, Duration.ofMillis(100), Duration.ofMillis(500));

  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;

  @BeforeAll
  static void start() throws IOException {
    api = ApiRuntimeOnSocket.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldAwaitATypedPipelineToSuccessAndReadItsResultAsAStreamOfTheStoredBytes() throws Exception {
    try (NightshiftClient client = client(api.target(), RetryPolicy.DEFAULT)) {
      Task done = profiled(client);

      assertThat(done.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      assertThat(done.getPipeline()).isEqualTo("client-profile");
      assertThat(done.getResult().getSize()).isPositive();
      byte[] bytes;
      try (InputStream in = client.openArtifact(done.getId(), done.getResult())) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).hasSize((int) done.getResult().getSize());
      assertThat(sha256(bytes)).as("the bytes whose digest the task's result names")
          .isEqualTo(done.getResult().getDigest());
    }
  }

  @Test
  void shouldOpenAnArtifactOnceTheApiComesUp() throws Exception {
    Task done;
    try (NightshiftClient client = client(api.target(), RetryPolicy.DEFAULT)) {
      done = profiled(client);
    }
    try (TcpRelay relay = TcpRelay.to(port(api.target()));
        NightshiftClient client = client(relay.address(), PATIENT)) {
      CompletableFuture<Void> upLater = upAfterOneSecond(relay);
      byte[] bytes;
      try (InputStream in = client.openArtifact(done.getId(), done.getResult())) {
        bytes = in.readAllBytes();
      }
      upLater.join();

      assertThat(sha256(bytes)).isEqualTo(done.getResult().getDigest());
    }
  }

  @Test
  void shouldResumeAWatchWhoseConnectionIsCutAndReachTheFinalStateWithoutRepeatingAView() throws Exception {
    try (TcpRelay relay = TcpRelay.to(port(api.target())).listen();
        NightshiftClient client = client(relay.address(), PATIENT)) {
      TaskHandle task = client.submit(Pipeline.named("client-watch")
          .step(Step.tool("load", "data.read_csv").param("source", "classpath:planning/small.csv"))
          .step(Step.waitFor("pause", Duration.ofSeconds(3)).needs("load"))
          .step(Step.tool("profile", "table.describe").param("input", Step.output("load")).needs("pause"))
          .toSpec().build());

      List<Task> views = new ArrayList<>();
      boolean cut = false;
      try (TaskWatch watch = client.watch(task.id())) {
        while (watch.hasNext()) {
          Task view = watch.next();
          views.add(view);
          if (!cut && waiting(view)) {
            // nothing changes while the wait step runs, so the new stream starts with the view just delivered
            relay.cutAll();
            cut = true;
          }
        }
        assertThat(cut).as("the wait step was seen running").isTrue();
        assertThat(watch.reconnects()).as("the watch opened its stream again").isPositive();
        // the entries from before and after the cut are the task's whole timeline, each once, in order
        assertThat(watch.timeline()).isEqualTo(client.get(task.id()).getTimelineList());
        assertThat(watch.timeline()).extracting(TimelineEvent::getStep).contains("load", "pause", "profile");
        assertThat(watch.timelineLost()).isZero();
      }

      assertThat(views.get(views.size() - 1).getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      assertThat(views).as("no view delivered twice").doesNotHaveDuplicates();
      for (int i = 1; i < views.size(); i++) {
        assertThat(Timestamps.compare(views.get(i).getUpdatedAt(),
            views.get(i - 1).getUpdatedAt())).as("view %d is not older than the one before", i).isNotNegative();
      }
    }
  }

  @Test
  void shouldRetryAReadUntilTheApiComesUpButNotASubmissionWithoutAnIdempotencyKey() throws Exception {
    try (TcpRelay relay = TcpRelay.to(port(api.target()));
        NightshiftClient client = client(relay.address(), PATIENT)) {
      StatusRuntimeException submit = catchThrowableOfType(StatusRuntimeException.class, () -> client.submit(
          Pipeline.named("never").step(Step.waitFor("w", Duration.ofSeconds(1))).toSpec().build()));
      assertThat(submit.getStatus().getCode()).as("a submission without a key is not sent twice")
          .isEqualTo(Status.Code.UNAVAILABLE);

      long start = System.nanoTime();
      CompletableFuture<Void> upLater = upAfterOneSecond(relay);
      var page = client.list(ListTasksRequest.newBuilder().setPageSize(5).build());
      upLater.join();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered once the API was there")
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
      assertThat(page.getTasksList()).extracting(Task::getPipeline).doesNotContain("never");
    }
  }

  /** The same submission, sent while the API was away and again after: one task, and the same id both times. */
  @Test
  void shouldRetryASubmissionWithAnIdempotencyKeyUntilTheApiComesUpAndAnswerARepeatWithTheSameTask()
      throws Exception {
    SubmitTaskRequest request = SubmitTaskRequest.newBuilder().setIdempotencyKey("client-order-42")
        .setSpec(Pipeline.named("client-keyed").step(Step.waitFor("w", Duration.ofMillis(200))).toSpec()).build();
    String first;
    try (TcpRelay relay = TcpRelay.to(port(api.target()));
        NightshiftClient client = client(relay.address(), PATIENT)) {
      CompletableFuture<Void> upLater = upAfterOneSecond(relay);
      first = client.submit(request).id();
      upLater.join();
    }
    try (NightshiftClient client = client(api.target(), RetryPolicy.DEFAULT)) {
      TaskHandle again = client.submit(request);

      assertThat(again.id()).isEqualTo(first);
      assertThat(again.await(Duration.ofSeconds(30)).getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      assertThat(client.list(ListTasksRequest.newBuilder().setPipeline("client-keyed").build()).getTasksList())
          .extracting(Task::getId).containsExactly(first);
    }
  }

  @Test
  void shouldSayWhereATaskWasWhenAwaitRunsOutAndCancelIt() throws Exception {
    try (NightshiftClient client = client(api.target(), RetryPolicy.DEFAULT)) {
      TaskHandle task = client.submit(Pipeline.named("client-slow")
          .step(Step.waitFor("long", Duration.ofMinutes(10))).toSpec().build());

      TaskTimeoutException late = catchThrowableOfType(TaskTimeoutException.class,
          () -> task.await(Duration.ofSeconds(2)));

      assertThat(late.state()).isIn(TaskState.TASK_STATE_PLANNING, TaskState.TASK_STATE_RUNNING);
      assertThat(late).hasMessageContaining("task " + task.id() + " did not end within PT2S; it was");
      task.cancel("the test is over");
      assertThat(task.await(Duration.ofSeconds(30)).getState()).isEqualTo(TaskState.TASK_STATE_CANCELLED);
    }
  }

  @Test
  void shouldListByLabelAndStateAcrossPagesForkFromAStepAndListTheForksArtifacts() throws Exception {
    try (NightshiftClient client = client(api.target(), RetryPolicy.DEFAULT)) {
      String run = "run-" + System.nanoTime();
      Pipeline pipeline = Pipeline.named("client-labelled")
          .step(Step.tool("load", "data.read_csv").param("source", "classpath:planning/small.csv"))
          .step(Step.tool("profile", "table.describe").param("input", Step.output("load")));
      List<String> ids = new ArrayList<>();
      for (String kind : List.of("a", "b", "a")) {
        ids.add(client.submit(pipeline.toSpec().putLabels("run", run).putLabels("kind", kind).build()).id());
      }
      for (String id : ids) {
        assertThat(client.task(id).await(Duration.ofSeconds(60)).getState())
            .isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      }

      // a page of one task at a time: the stream asks for every page with the same filters
      ListTasksRequest kindA = ListTasksRequest.newBuilder().setPageSize(1).putLabels("run", run)
          .putLabels("kind", "a").addStates(TaskState.TASK_STATE_SUCCEEDED).build();
      assertThat(client.tasks(kindA).map(Task::getId)).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
      assertThat(client.tasks(kindA.toBuilder().clearStates().addStates(TaskState.TASK_STATE_FAILED).build()))
          .isEmpty();

      var fork = client.fork(ForkTaskRequest.newBuilder().setTaskId(ids.get(1))
          .setFromStep("profile").build());
      assertThat(fork.getKeptStepsList()).containsExactly("load");
      Task forked = client.task(fork.getTaskId()).await(Duration.ofSeconds(60));
      assertThat(forked.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      assertThat(forked.getLabelsMap()).containsEntry("kind", "b");
      assertThat(client.artifacts(forked.getId())).extracting(a -> a.getRef().getDigest())
          .contains(forked.getResult().getDigest());
    }
  }

  /** The typed pipeline the artifact tests read the result of, submitted and awaited. */
  private static Task profiled(NightshiftClient client) {
    Pipeline pipeline = Pipeline.named("client-profile")
        .step(Step.tool("load", "data.read_csv").param("source", "classpath:planning/small.csv"))
        .step(Step.tool("profile", "table.describe").param("input", Step.output("load")));
    return client.submit(pipeline.toSpec().setGoal("profile a table").build()).await(Duration.ofSeconds(60));
  }

  private static CompletableFuture<Void> upAfterOneSecond(TcpRelay relay) {
    return CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(1_000);
        relay.listen();
      } catch (InterruptedException | IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static boolean waiting(Task view) {
    return view.getStepsList().stream().anyMatch(s -> s.getName().equals("pause")
        && s.getState() == StepState.STEP_STATE_RUNNING);
  }

  private static NightshiftClient client(String address, RetryPolicy retry) throws IOException {
    return NightshiftClient.builder().address(address).tokenFile(api.config().adminTokenFile())
        .deadline(Duration.ofSeconds(20)).retry(retry).build();
  }

  private static int port(String target) {
    return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
  }
}
