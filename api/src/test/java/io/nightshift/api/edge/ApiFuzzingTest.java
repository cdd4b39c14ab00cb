package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.client.FieldViolations;
import io.nightshift.runtime.audit.AuditLogVerifier;
import io.nightshift.runtime.audit.AuditVerification;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fuzzes the real API (a whole runtime on loopback sockets) with 10,000 requests across every method of every
 * nightshift service: well-formed messages with hostile values, raw random bytes, and well-formed messages with
 * bytes cut, flipped or added. No answer may be INTERNAL or UNKNOWN, bytes that do not parse as the method's
 * message are INVALID_ARGUMENT, and the task submitted before the fuzzing is the same after it. The counts per
 * method and status are printed at the end.
 *
 * <p>The requests are drawn from a seeded generator ({@link FuzzSeed}): the same seed sends the same requests, in
 * the same order (the methods run in a fixed order too, since earlier calls change what later ones find), and a
 * failure names the seed, the stream, the try and the request, so it can be replayed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzingTest {
  private static final int WELL_FORMED_TRIES = 5_000;
  private static final int RAW_BYTES_TRIES = 2_500;
  private static final int DAMAGED_TRIES = 2_500;
  private static final FuzzSeed SEED = FuzzSeed.fromSystemProperty();
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

  @BeforeAll
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

  @AfterAll
  static void checkTheKeptTaskAndPrintTheCounts() throws IOException {
    try {
      Duration took = Duration.between(fuzzingStarted, Instant.now());
      System.out.println(TALLY.table("API fuzzing, " + SEED.howToRerun() + ": " + TALLY.total() + " calls in "
          + took.toMillis() + " ms"));
      System.out.println(UNPARSEABLE.table("of which did not parse as their method's message: "
          + UNPARSEABLE.total()));
      Task after = TaskServiceGrpc.newBlockingStub(api.channel())
          .getTask(GetTaskRequest.newBuilder().setTaskId(KEPT_TASK).build());
      assertThat(after.getState()).as("the kept task's state").isEqualTo(keptBefore.getState());
      assertThat(after.getStepsList()).as("the kept task's steps").isEqualTo(keptBefore.getStepsList());
      assertThat(TALLY.total()).as("calls made").isGreaterThanOrEqualTo(10_000);
      // thousands of state-changing calls with hostile values, refused and not: each recorded, the chain intact
      AuditVerification audit = AuditLogVerifier.verify(RuntimeConfig.defaults(dataDir).auditLogFile());
      assertThat(audit.problem()).as("the audit log after fuzzing").isEmpty();
      assertThat(audit.records()).as("audit records").isGreaterThan(1_000);
    } finally {
      if (api != null) {
        api.close();
      }
      if (dataDir != null) {
        try (Stream<Path> files = Files.walk(dataDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  @Order(1)
  void wellFormedRequestsAreNeverAnsweredInternalOrUnknown() {
    FuzzedRequests requests = new FuzzedRequests(new HostileValues(SEED.dice("well-formed")), KEPT_TASK, KEPT_STEP);
    send("well-formed", WELL_FORMED_TRIES, requests::wellFormed);
  }

  /** Any bytes to any method the server serves, grpc's health and reflection services included. */
  @Test
  @Order(2)
  void rawBytesThatAreNotTheMessageAreInvalidArgument() {
    List<MethodDescriptor<?, ?>> methods = new ArrayList<>(FuzzedRequests.nightshiftMethods());
    methods.addAll(List.of(HealthGrpc.getCheckMethod(), HealthGrpc.getWatchMethod(),
        ServerReflectionGrpc.getServerReflectionInfoMethod()));
    HostileValues values = new HostileValues(SEED.dice("raw-bytes"));
    send("raw-bytes", RAW_BYTES_TRIES, () -> FuzzCall.ofBytes(values.dice().oneOf(methods), values.bytes(64)));
  }

  @Test
  @Order(3)
  void damagedRequestsThatNoLongerParseAreInvalidArgument() {
    HostileValues values = new HostileValues(SEED.dice("damaged"));
    FuzzedRequests requests = new FuzzedRequests(values, KEPT_TASK, KEPT_STEP);
    Dice dice = values.dice();
    send("damaged", DAMAGED_TRIES, () -> {
      FuzzCall call = requests.wellFormed();
      Damage damage = dice.oneOf(List.of(Damage.values()));
      return FuzzCall.ofBytes(call.method(), damage.apply(call.request(), dice.between(0, Integer.MAX_VALUE),
          dice.anyByte()));
    });
  }

  /**
   * Draws and sends the tries one by one, stopping at the first that fails; whatever fails (an assertion, no
   * answer, the drawing itself) is reported with what it takes to replay it.
   */
  private static void send(String stream, int tries, Supplier<FuzzCall> draw) {
    for (int i = 1; i <= tries; i++) {
      FuzzCall call = null;
      try {
        call = draw.get();
        assertAnsweredForTheClient(call);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(SEED.howToRerun() + ", " + stream + " try " + i + " of " + tries + ", "
            + (call == null ? "while drawing the request" : call) + ": " + e.getMessage(), e);
      }
    }
  }

  private static void assertAnsweredForTheClient(FuzzCall call) {
    RawRequests.Answer answer = raw.answer(call.method(), List.of(call.request()));
    Status status = answer.status();
    TALLY.record(call.method().getFullMethodName(), status.getCode());
    assertThat(status.getCode()).as("answered %s", status).isNotIn(Status.Code.INTERNAL, Status.Code.UNKNOWN);
    if (!call.parses()) {
      UNPARSEABLE.record(call.method().getFullMethodName(), status.getCode());
      assertThat(status.getCode()).as("answered %s", status).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).startsWith("request does not parse as ");
    } else if (status.getCode() == Status.Code.INVALID_ARGUMENT && ours(call)) {
      // the "INVALID_ARGUMENT with the field named": kept for every bad value the fuzzing sends
      assertThat(FieldViolations.of(status.asRuntimeException(answer.trailers())))
          .as("answered %s naming no field", status)
          .isNotEmpty().allSatisfy(v -> assertThat(v.getField()).isNotBlank());
    }
  }

  private static boolean ours(FuzzCall call) {
    return call.method().getServiceName().startsWith("nightshift.");
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
