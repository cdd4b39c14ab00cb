package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskBudget;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.models.PlannerSettings;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec.budget}, the total over all agent steps of a task, over real gRPC sockets into task workflows on
 * Temporal's test server; the planner and the agent are a scripted OpenAI-compatible endpoint.
 */
class TaskBudgetSubmissionTest {
  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;
  private WorkerFactory workers;
  private TaskApiOnSocket socket;

  @BeforeEach
  void setUp() throws Exception {
    model = ScriptedOpenAiServer.start("model");
    env = TestWorkflowEnvironment.newInstance();
    workers = PlannerModelWorkers.start(env, model, settings(), dir);
  }

  @AfterEach
  void tearDown() {
    if (socket != null) {
      socket.close();
    }
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS); // no activity left writing into the temporary directory
    env.close();
    model.close();
  }

  private static PlannerSettings settings() {
    return new PlannerSettings("planner", "planner", 2, 0, 512, PlannerSettings.DEFAULT_REPLAN,
        List.of("data.read_csv", "table.describe"), false);
  }

  private TaskServiceGrpc.TaskServiceBlockingStub api() throws Exception {
    var client = env.getWorkflowClient();
    TaskSubmitter submitter = new TaskSubmitter(client, new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.of(settings()));
    socket = TaskApiOnSocket.start(client, submitter, null);
    return socket.api();
  }

  @Test
  void shouldRefuseAZeroNegativeOrUnreadableTaskBudgetNamingTheField() throws Exception {
    var api = api();
    record Case(TaskBudget budget, String field) {}
    List<Case> cases = List.of(
        new Case(TaskBudget.newBuilder().setMaxTokens(0).build(), "spec.budget.max_tokens"),
        new Case(TaskBudget.newBuilder().setMaxTokens(-1).build(), "spec.budget.max_tokens"),
        new Case(TaskBudget.newBuilder().setMaxCost("0").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setMaxCost("-2").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setMaxCost("a lot").build(), "spec.budget.max_cost"),
        // a valid BigDecimal, and the ledger spent seconds of workflow CPU on each operation with it
        new Case(TaskBudget.newBuilder().setMaxCost("1e999999999").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setMaxCost("0x1p3").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setMaxCost("12345678901").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setMaxCost("0.123456789").build(), "spec.budget.max_cost"),
        new Case(TaskBudget.newBuilder().setWallClockSeconds(0).build(), "spec.budget.wall_clock_seconds"),
        new Case(TaskBudget.newBuilder().setWallClockSeconds(-60).build(), "spec.budget.wall_clock_seconds"),
        new Case(TaskBudget.getDefaultInstance(), "spec.budget"));
    for (Case c : cases) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.submitTask(
          SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("g").setBudget(c.budget())).build()));

      assertThat(e).as(c.toString()).isNotNull();
      assertThat(e.getStatus().getCode()).as(c.toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(field(e)).as(c.toString()).isEqualTo(c.field());
    }
    StatusRuntimeException ceiling = catchThrowableOfType(StatusRuntimeException.class, () -> api.submitTask(
        SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("g").setAgentBudget(
            AgentBudget.newBuilder().setMaxCost("1e999999999"))).build()));
    assertThat(field(ceiling)).isEqualTo("spec.agent_budget.max_cost");
    assertThat(model.chatRequests()).isEmpty();
  }

  @Test
  void shouldRefuseARaisedMaxCostTheTaskCouldNotUseAndKeepTheTaskWaitingForAGoodOne() throws Exception {
    model.otherwise(ScriptedReply.text("done", 90, 20));
    var api = api();
    String id = pausedOnTaskBudget(api, TaskBudget.newBuilder().setMaxTokens(50).setMaxCost("1"));

    // each was admitted before (a double above 0) and then failed the task's workflow on every try, for good
    for (String cost : List.of("1d", "Infinity", "NaN", "0x1p3", "1e999999999", "-1")) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.approveTask(
          ApproveTaskRequest.newBuilder().setTaskId(id).setStep("step1").setMaxTokens(10_000).setMaxCost(cost)
              .build()));
      assertThat(e).as(cost).isNotNull();
      assertThat(e.getStatus().getCode()).as(cost).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(field(e)).as(cost).isEqualTo("max_cost");
      assertThat(e.getStatus().getDescription()).as(cost).contains("'" + cost + "'");
    }
    Task waiting = api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    assertThat(waiting.getState()).isEqualTo(TaskState.TASK_STATE_PAUSED); // as a budget stop lists it
    assertThat(waiting.getAwaitingMap()).containsKey("step1");

    api.approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("step1").setMaxTokens(10_000)
        .setMaxCost("2.50").build());
    Task done = finished(api, id);
    assertThat(done.getState()).as(done.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getBudget().getMaxCost()).isEqualTo("2.50");
  }

  @Test
  void shouldPauseOnTheTaskBudgetShowItInGetTaskAndFinishAfterApproveTaskRaisesIt() throws Exception {
    model.otherwise(ScriptedReply.text("done", 90, 20));
    var api = api();
    String id = pausedOnTaskBudget(api, TaskBudget.newBuilder().setMaxTokens(50));
    Task paused = api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    assertThat(paused.getBudget().getMaxTokens()).isEqualTo(50);
    assertThat(paused.getBudget().getTokensSpent()).isZero();

    api.approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("step1").setBy("lead")
        .setComment("go on").setMaxTokens(10_000).build());
    Task done = finished(api, id);

    assertThat(done.getState()).as(done.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getBudget().getMaxTokens()).isEqualTo(10_000);
    assertThat(done.getBudget().getTokensSpent()).isEqualTo(110); // the endpoint's reported 90 + 20
    assertThat(done.getBudget().getTokensReserved()).isZero();
    assertThat(done.getBudget().getMaxCost()).isEmpty();
  }

  /** A goal-only task whose one agent step waits on the task budget: 50 tokens cannot hold its first call. */
  private String pausedOnTaskBudget(TaskServiceGrpc.TaskServiceBlockingStub api, TaskBudget.Builder budget) {
    model.enqueue(ScriptedReply.text("{\"steps\":[{\"name\":\"step1\",\"kind\":\"agent\",\"prompt\":\"go\","
        + "\"tools\":[\"table.describe\"],\"needs\":[]}]}"));
    // the agent reserves its output cap (512) before its first call: 50 tokens pause the task on its budget
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("go")
        .setBudget(budget)).build()).getTaskId();
    Task paused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getAwaitingCount() > 0 || t.getState() == TaskState.TASK_STATE_FAILED
                || t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    assertThat(paused.getAwaitingMap().get("step1")).startsWith("BUDGET_EXHAUSTED: task budget");
    return id;
  }

  private static Task finished(TaskServiceGrpc.TaskServiceBlockingStub api, String id) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getState() == TaskState.TASK_STATE_FAILED || t.getState() == TaskState.TASK_STATE_SUCCEEDED);
  }

  private static String field(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }
}
