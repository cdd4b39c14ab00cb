package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.grpc.Status;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant isolation on every method of the task and artifact services, over real gRPC, against the runtime as
 * {@code nightshift dev} serves it on the official Temporal dev server (real visibility queries on the tenant search
 * attribute). Tenants alpha and beta each hold an admin token, so no role ever stands between a call and its task:
 * what refuses beta is the tenant alone. Alpha's task waits at an approval gate, with one output already written,
 * so every call beta makes at it would otherwise have done something.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {
  private static final String GATED = """
      name: gated
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
        - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
      """;
  private static final String ALPHA_TASK = "alpha-gated";

  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static Channel alpha;
  private static Channel beta;
  private static TenantCalls.Target alphasTask;

  @BeforeAll
  static void start() throws Exception {
    api = ApiRuntimeOnSocket.startOnDevServer(dataDir);
    TokenStore tokens = new TokenStore(api.config().tokenStoreFile(), Clock.systemUTC());
    alpha = api.channelWith(tokens.create("alpha", AccessRole.ADMIN, Optional.empty()).bearer());
    beta = api.channelWith(tokens.create("beta", AccessRole.ADMIN, Optional.empty()).bearer());
    tasks(alpha).submitTask(submit(ALPHA_TASK, GATED));
    Task waiting = await(alpha, ALPHA_TASK, t -> t.getAwaitingMap().containsKey("publish"));
    alphasTask = new TenantCalls.Target(ALPHA_TASK, "publish", step(waiting, "load").getOutput().getDigest());
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  @Order(1)
  void shouldAnswerEveryMethodNamingAnotherTenantsTaskExactlyAsForAnUnknownId() throws Exception {
    String unknownId = "no-such-task-" + UUID.randomUUID();
    TenantCalls.Target unknown = new TenantCalls.Target(unknownId, alphasTask.step(), alphasTask.digest());

    for (Map.Entry<String, TenantCalls.ByTaskId> method : TenantCalls.BY_TASK_ID.entrySet()) {
      Status theirs = TenantCalls.statusOf(method.getValue(), beta, alphasTask);
      Status none = TenantCalls.statusOf(method.getValue(), beta, unknown);

      assertThat(theirs.getCode()).as(method.getKey()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(none.getCode()).as(method.getKey()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(theirs.getDescription()).as(method.getKey())
          .isEqualTo(none.getDescription().replace(unknownId, ALPHA_TASK));
    }
    // none of beta's cancel, pause, steer, approve or reject reached the task
    Task after = tasks(alpha).getTask(GetTaskRequest.newBuilder().setTaskId(ALPHA_TASK).build());
    assertThat(after.getState()).isNotIn(TaskState.TASK_STATE_CANCELLED, TaskState.TASK_STATE_PAUSED);
    assertThat(after.getDecisionsCount()).isZero();
    assertThat(after.getAwaitingMap()).containsKey("publish");
  }

  @Test
  @Order(2)
  void shouldLetTheOwningTenantReadItsTaskAndItsOutputs() {
    for (String method : List.of("GetTask", "WatchTask")) {
      assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.TaskService/" + method), alpha,
          alphasTask).getCode()).as(method).isEqualTo(Status.Code.OK);
    }
    assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.ArtifactService/ReadArtifact"),
        alpha, alphasTask).getCode()).isEqualTo(Status.Code.OK);
    TenantCalls.Target notItsOutput = new TenantCalls.Target(ALPHA_TASK, "publish", "sha256:" + "0".repeat(64));
    assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.ArtifactService/ReadArtifact"),
        alpha, notItsOutput).getCode()).as("a digest the task does not name").isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @Order(3)
  void shouldRefuseAnotherTenantsTaskIdTellingOnlyThatItIsTaken() {
    Status mine = statusOfSubmit(alpha, ALPHA_TASK);
    Status theirs = statusOfSubmit(beta, ALPHA_TASK);

    assertThat(theirs.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(theirs.getDescription()).isEqualTo(mine.getDescription());
  }

  @Test
  @Order(4)
  void shouldListEachTenantsTasksToThatTenantAlone() throws Exception {
    tasks(beta).submitTask(submit("beta-own", GATED));

    assertThat(awaitListed(alpha, ALPHA_TASK)).doesNotContain("beta-own");
    assertThat(awaitListed(beta, "beta-own")).doesNotContain(ALPHA_TASK);
    assertThat(listed(api.channel())).as("the first admin's tenant").doesNotContain(ALPHA_TASK, "beta-own");
  }

  @Test
  @Order(5)
  void shouldCountATaskWithoutATenantAsTheFirstAdminsTenants() throws Exception {
    String legacy = "from-before-tenants";
    startWithoutTenant(legacy);

    assertThat(awaitListed(api.channel(), legacy)).contains(legacy);
    assertThat(listed(beta)).doesNotContain(legacy);
    assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.TaskService/CancelTask"), beta,
        new TenantCalls.Target(legacy, "", "")).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(TenantCalls.statusOf(TenantCalls.BY_TASK_ID.get("nightshift.v1.TaskService/CancelTask"),
        api.channel(), new TenantCalls.Target(legacy, "", "")).getCode()).isEqualTo(Status.Code.OK);
  }

  @Test
  @Order(6)
  void shouldKeepTheFinishedTasksResultToItsTenant() throws Exception {
    tasks(alpha).approveTask(ApproveTaskRequest.newBuilder().setTaskId(ALPHA_TASK).setStep("publish").setBy("alpha")
        .build());
    Task done = await(alpha, ALPHA_TASK, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    TenantCalls.Target result = new TenantCalls.Target(ALPHA_TASK, "publish", done.getResult().getDigest());
    TenantCalls.ByTaskId read = TenantCalls.BY_TASK_ID.get("nightshift.v1.ArtifactService/ReadArtifact");

    assertThat(TenantCalls.statusOf(read, alpha, result).getCode()).isEqualTo(Status.Code.OK);
    assertThat(TenantCalls.statusOf(read, beta, result).getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(TenantCalls.statusOf(read, beta, new TenantCalls.Target("beta-own", "", result.digest())).getCode())
        .as("beta's own task does not name alpha's result").isEqualTo(Status.Code.NOT_FOUND);
  }

  /**
   * A task as one started before tenants: no tenant memo or search attribute, on a queue no worker polls (so the
   * calls made on it here are those that need no answer from its workflow: listing and cancelling).
   */
  private static void startWithoutTenant(String id) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + api.config().temporalPort()).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(stubs,
          WorkflowClientOptions.newBuilder().setNamespace(api.config().namespace()).build());
      client.newUntypedWorkflowStub("TaskWorkflow", WorkflowOptions.newBuilder().setWorkflowId(id)
          .setTaskQueue("nobody-polls-this").build()).start("an old task");
    } finally {
      stubs.shutdownNow();
    }
  }

  private static Status statusOfSubmit(Channel channel, String id) {
    try {
      tasks(channel).submitTask(submit(id, GATED));
      return Status.OK;
    } catch (io.grpc.StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static List<String> listed(Channel channel) {
    return tasks(channel).listTasks(ListTasksRequest.newBuilder().setPageSize(500).build()).getTasksList().stream()
        .map(Task::getId).toList();
  }

  /** The tenant's list once it shows {@code id}: visibility is eventually consistent. */
  private static List<String> awaitListed(Channel channel, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> ids = listed(channel);
    while (!ids.contains(id)) {
      assertThat(System.nanoTime()).as(id + " never listed; listed: " + ids).isLessThan(deadline);
      Thread.sleep(200);
      ids = listed(channel);
    }
    return ids;
  }

  private static Task await(Channel channel, String id, Predicate<Task> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Task t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    while (!condition.test(t)) {
      assertThat(System.nanoTime()).as("task never got there; last view:\n" + t).isLessThan(deadline);
      assertThat(t.getState()).as(t.getError()).isNotEqualTo(TaskState.TASK_STATE_FAILED);
      Thread.sleep(200);
      t = tasks(channel).getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    }
    return t;
  }

  private static Step step(Task task, String name) {
    return task.getStepsList().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static TaskServiceGrpc.TaskServiceBlockingStub tasks(Channel channel) {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static SubmitTaskRequest submit(String id, String yaml) {
    return SubmitTaskRequest.newBuilder().setTaskId(id)
        .setSpec(TaskSpec.newBuilder().setGoal("tenancy").setPipelineYaml(yaml)).build();
  }
}
