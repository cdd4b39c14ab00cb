package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.nightshift.api.client.FieldViolations;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the real API (a whole runtime on loopback sockets) with 10,000 requests across every method of every
 * nightshift service: well-formed messages with hostile values, raw random bytes, and well-formed messages with
 * bytes cut, flipped or added. No answer may be INTERNAL or UNKNOWN, bytes that do not parse as the method's
 * message are INVALID_ARGUMENT, and the task submitted before the fuzzing is the same after it. The counts per
 * method and status are printed at the end.
 *
 * <p>jqwik's own edge cases are off: it enumerates them from the first arbitrary of a {@code oneOf} until the
 * number of tries, so they would all go to SubmitTask; {@link HostileValues} draws edge values for every method.
 */
class ApiFuzzingTest {
  private static final String KEPT_TASK = "kept-before-fuzzing";
  private static final String KEPT_STEP = "gate";
  private static final String GATED = "name: kept\nsteps:\n  - {name: " + KEPT_STEP
      + ", tool: table.describe, params: {input: \"x\"}, approval: required}\n";
  private static final StatusTally TALLY = new StatusTally();
  private static final StatusTally UNPARSEABLE = new StatusTally();

  private static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static RawRequests raw;
  private static Task keptBefore;
  private static Instant fuzzingStarted;

  @BeforeContainer
  static void startRuntimeAndSubmitTheKeptTask() throws Exception {
    dataDir = Files.createTempDirectory("nightshift-fuzz-");
    api = ApiRuntimeOnSocket.start(dataDir);
    raw = new RawRequests(api.channel());
    TaskServiceGrpc.TaskServiceBlockingStub tasks = TaskServiceGrpc.newBlockingStub(api.channel());
    tasks.submitTask(SubmitTaskRequest.newBuilder().setTaskId(KEPT_TASK)
        .setSpec(TaskSpec.newBuilder().setGoal("stay as it is").setPipelineYaml(GATED)).build());
    keptBefore = awaitWaiting(tasks);
    fuzzingStarted = Instant.now();
  }

  @AfterContainer
  static void checkTheKeptTaskAndPrintTheCounts() throws IOException {
    try {
      Duration took = Duration.between(fuzzingStarted, Instant.now());
      System.out.println(TALLY.table("API fuzzing: " + TALLY.total() + " calls in " + took.toMillis() + " ms"));
      System.out.println(UNPARSEABLE.table("of which did not parse as their method's message: "
          + UNPARSEABLE.total()));
      Task after = TaskServiceGrpc.newBlockingStub(api.channel())
          .getTask(GetTaskRequest.newBuilder().setTaskId(KEPT_TASK).build());
      assertThat(after.getState()).as("the kept task's state").isEqualTo(keptBefore.getState());
      assertThat(after.getStepsList()).as("the kept task's steps").isEqualTo(keptBefore.getStepsList());
      assertThat(TALLY.total()).as("calls made").isGreaterThanOrEqualTo(10_000);
    } finally {
      if (api != null) {
        api.close();
      }
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Property(tries = 5_000, edgeCases = EdgeCasesMode.NONE)
  void wellFormedRequestsAreNeverAnsweredInternalOrUnknown(@ForAll("wellFormed") FuzzCall call) {
    assertAnsweredForTheClient(call);
  }

  @Property(tries = 2_500, edgeCases = EdgeCasesMode.NONE)
  void rawBytesThatAreNotTheMessageAreInvalidArgument(@ForAll("rawBytes") FuzzCall call) {
    assertAnsweredForTheClient(call);
  }

  @Property(tries = 2_500, edgeCases = EdgeCasesMode.NONE)
  void damagedRequestsThatNoLongerParseAreInvalidArgument(@ForAll("damaged") FuzzCall call) {
    assertAnsweredForTheClient(call);
  }

  private static void assertAnsweredForTheClient(FuzzCall call) {
    RawRequests.Answer answer = raw.answer(call.method(), List.of(call.request()));
    Status status = answer.status();
    TALLY.record(call.method().getFullMethodName(), status.getCode());
    assertThat(status.getCode()).as("%s answered %s", call, status)
        .isNotIn(Status.Code.INTERNAL, Status.Code.UNKNOWN);
    if (!call.parses()) {
      UNPARSEABLE.record(call.method().getFullMethodName(), status.getCode());
      assertThat(status.getCode()).as("%s answered %s", call, status).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).startsWith("request does not parse as ");
    } else if (status.getCode() == Status.Code.INVALID_ARGUMENT && ours(call)) {
      // the "INVALID_ARGUMENT with the field named": kept for every bad value the fuzzing sends
      assertThat(FieldViolations.of(status.asRuntimeException(answer.trailers())))
          .as("%s answered %s naming no field", call, status)
          .isNotEmpty().allSatisfy(v -> assertThat(v.getField()).isNotBlank());
    }
  }

  private static boolean ours(FuzzCall call) {
    return call.method().getServiceName().startsWith("nightshift.");
  }

  @Provide
  Arbitrary<FuzzCall> wellFormed() {
    return new FuzzedRequests(KEPT_TASK, KEPT_STEP).wellFormed();
  }

  /** Any bytes to any method the server serves, grpc's health and reflection services included. */
  @Provide
  Arbitrary<FuzzCall> rawBytes() {
    List<MethodDescriptor<?, ?>> methods = new ArrayList<>(FuzzedRequests.nightshiftMethods());
    methods.addAll(List.of(HealthGrpc.getCheckMethod(), HealthGrpc.getWatchMethod(),
        ServerReflectionGrpc.getServerReflectionInfoMethod()));
    return Combinators.combine(Arbitraries.of(methods), HostileValues.bytes(64)).as(FuzzCall::ofBytes);
  }

  @Provide
  Arbitrary<FuzzCall> damaged() {
    return Combinators.combine(wellFormed(), Arbitraries.of(Damage.values()), Arbitraries.integers().greaterOrEqual(0),
        Arbitraries.bytes()).as((call, damage, at, b) -> FuzzCall.ofBytes(call.method(),
            damage.apply(call.request(), at, b)));
  }

  private static Task awaitWaiting(TaskServiceGrpc.TaskServiceBlockingStub tasks) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    Task task = tasks.getTask(GetTaskRequest.newBuilder().setTaskId(KEPT_TASK).build());
    while (task.getState() != TaskState.TASK_STATE_AWAITING_APPROVAL) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the kept task never waited for approval: " + task);
      }
      Thread.sleep(100);
      task = tasks.getTask(GetTaskRequest.newBuilder().setTaskId(KEPT_TASK).build());
    }
    return task;
  }
}
