package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
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
    assertThat(model.chatRequests()).isEmpty();
  }

  @Test
  void shouldPauseOnTheTaskBudgetShowItInGetTaskAndFinishAfterApproveTaskRaisesIt() throws Exception {
    model.enqueue(ScriptedReply.text("{\"steps\":[{\"name\":\"step1\",\"kind\":\"agent\",\"prompt\":\"go\","
        + "\"tools\":[\"table.describe\"],\"needs\":[]}]}"));
    model.otherwise(ScriptedReply.text("done", 90, 20));
    var api = api();
    // 50 tokens cannot hold the agent's first call (it reserves its output cap, 512): the task pauses on its budget
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("go")
        .setBudget(TaskBudget.newBuilder().setMaxTokens(50))).build()).getTaskId();

    Task paused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getAwaitingCount() > 0 || t.getState() == TaskState.TASK_STATE_FAILED
                || t.getState() == TaskState.TASK_STATE_SUCCEEDED);
    assertThat(paused.getAwaitingMap().get("step1")).startsWith("BUDGET_EXHAUSTED: task budget");
    assertThat(paused.getBudget().getMaxTokens()).isEqualTo(50);
    assertThat(paused.getBudget().getTokensSpent()).isZero();

    api.approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("step1").setBy("lead")
        .setComment("go on").setMaxTokens(10_000).build());
    Task done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getState() == TaskState.TASK_STATE_FAILED || t.getState() == TaskState.TASK_STATE_SUCCEEDED);

    assertThat(done.getState()).as(done.getError()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getBudget().getMaxTokens()).isEqualTo(10_000);
    assertThat(done.getBudget().getTokensSpent()).isEqualTo(110); // the endpoint's reported 90 + 20
    assertThat(done.getBudget().getTokensReserved()).isZero();
    assertThat(done.getBudget().getMaxCost()).isEmpty();
  }

  private static String field(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }
}
