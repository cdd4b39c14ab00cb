package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ReplanPolicy;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SubmitTask with a goal and no pipeline, over real gRPC sockets, into task workflows on Temporal's test server whose
 * planner model is a scripted OpenAI-compatible endpoint (so each answer, valid or not, is exactly as written).
 */
class GoalSubmissionTest {
  private static final String LOAD = "{\"name\":\"step1\",\"tool\":\"data.read_csv\","
      + "\"params\":{\"source\":\"classpath:%s\"},\"needs\":[]}";
  private static final String DESCRIBE = "{\"name\":\"step2\",\"tool\":\"table.describe\","
      + "\"params\":{\"input\":\"${steps.step1.output}\"},\"needs\":[\"step1\"]}";
  private static final String VALID = "{\"steps\":[" + LOAD.formatted("planning/small.csv") + "," + DESCRIBE + "]}";

  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;
  private WorkerFactory workers;
  private final List<TaskApiOnSocket> sockets = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    model = ScriptedOpenAiServer.start("model");
    env = TestWorkflowEnvironment.newInstance();
    workers = PlannerModelWorkers.start(env, model, settings(), dir);
  }

  @AfterEach
  void tearDown() {
    sockets.forEach(TaskApiOnSocket::close);
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS); // no activity left writing into the temporary directory
    env.close();
    model.close();
  }

  private static PlannerSettings settings() {
    return new PlannerSettings("planner", null, 4, 2, 512, PlannerSettings.DEFAULT_REPLAN,
        List.of("data.read_csv", "table.describe"), false);
  }

  /** The task API as the runtime serves it, with or without a planner model. */
  private TaskServiceGrpc.TaskServiceBlockingStub api(Optional<PlannerSettings> planner) throws Exception {
    var client = env.getWorkflowClient();
    TaskSubmitter submitter = new TaskSubmitter(client, new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), planner);
    TaskApiOnSocket socket = TaskApiOnSocket.start(client, submitter, null);
    sockets.add(socket);
    return socket.api();
  }

  private static Task awaitEnd(TaskServiceGrpc.TaskServiceBlockingStub api, String id) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED || t.getState() == TaskState.TASK_STATE_FAILED);
  }

  private static String submitGoal(TaskServiceGrpc.TaskServiceBlockingStub api, String goal) {
    return api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal(goal)).build())
        .getTaskId();
  }

  @Test
  void shouldPlanAGoalWithoutPipelineOnThePlannerModelAfterRepairingAnUnknownTool() throws Exception {
    model.enqueue(ScriptedReply.text("{\"steps\":[{\"name\":\"step1\",\"tool\":\"web.search\",\"params\":{},"
        + "\"needs\":[]}]}"), ScriptedReply.text(VALID));
    var api = api(Optional.of(settings()));

    Task task = awaitEnd(api, submitGoal(api, "describe the small table"));

    assertThat(task.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(task.getPlanVersion()).isEqualTo(1);
    assertThat(task.getPlanOrigin()).isEqualTo("llm:planner");
    assertThat(task.getPipeline()).isEqualTo("llm-plan");
    assertThat(task.getStepsList()).extracting(s -> s.getTool()).containsExactly("data.read_csv", "table.describe");
    assertThat(model.chatRequests()).hasSize(2);
    assertThat(model.lastMessages().get(1)).contains("unknown tool 'web.search'");
  }

  @Test
  void shouldForkAModelsPlanWithoutParamsOnlyAndRefuseToForkOneStillPlanning() throws Exception {
    model.enqueue(ScriptedReply.text(VALID));
    var api = api(Optional.of(settings()));
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setGoal("describe the small table").putParams("rows", "3")).build()).getTaskId();
    assertThat(awaitEnd(api, id).getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);

    ForkTaskResponse fork = api.forkTask(ForkTaskRequest.newBuilder().setTaskId(id).setFromStep("step2").build());

    assertThat(fork.getKeptStepsList()).containsExactly("step1");
    assertThat(fork.getRerunStepsList()).containsExactly("step2");
    Task forked = awaitEnd(api, fork.getTaskId());
    assertThat(forked.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(forked.getPlanOrigin()).isEqualTo("llm:planner");
    assertThat(model.chatRequests()).as("the fork runs the model's plan; it does not plan again").hasSize(1);
    StatusRuntimeException overridden = catchThrowableOfType(StatusRuntimeException.class, () -> api.forkTask(
        ForkTaskRequest.newBuilder().setTaskId(id).setFromStep("step2").putParams("rows", "4").build()));
    assertThat(overridden.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(overridden.getStatus().getDescription()).contains("written by the planner model");

    model.enqueue(ScriptedReply.slow(Duration.ofSeconds(3), ScriptedReply.text(VALID)));
    String planning = submitGoal(api, "describe the small table slowly");
    StatusRuntimeException early = catchThrowableOfType(StatusRuntimeException.class, () -> api.forkTask(
        ForkTaskRequest.newBuilder().setTaskId(planning).setFromStep("step1").build()));
    assertThat(early.getStatus().getCode()).as("its plan is not made yet").isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldFailTheTaskShowingTheCycleWhenTheModelKeepsAnsweringOne() throws Exception {
    model.otherwise(ScriptedReply.text("{\"steps\":[" + LOAD.formatted("planning/small.csv").replace("[]",
        "[\"step2\"]") + "," + DESCRIBE + "]}"));
    var api = api(Optional.of(settings()));

    Task task = awaitEnd(api, submitGoal(api, "describe the small table"));

    assertThat(task.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
    assertThat(task.getError()).startsWith("planning failed: ")
        .contains("model endpoint 'planner' gave no valid plan in 3 attempts")
        .containsPattern("dependency cycle: step\\d -> step\\d -> step\\d");
    assertThat(task.getStepsList()).isEmpty();
    assertThat(model.chatRequests()).as("3 attempts, not retried by the activity").hasSize(3);
  }

  @Test
  void shouldReplanAGoalOnlyTaskByDefaultAndShowBothVersions() throws Exception {
    model.enqueue(ScriptedReply.text("{\"steps\":[" + LOAD.formatted("planning/missing.csv") + "," + DESCRIBE + "]}"),
        ScriptedReply.text(VALID));
    var api = api(Optional.of(settings()));

    Task task = awaitEnd(api, submitGoal(api, "describe the small table"));

    assertThat(task.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(task.getPlanVersion()).isEqualTo(2);
    assertThat(task.getPlanVersionsList()).hasSize(2);
    assertThat(task.getPlanVersions(1).getFailedStep()).isEqualTo("step1");
    assertThat(task.getPlanVersions(1).getReason()).startsWith("step 'step1' of v1 failed: ")
        .contains("planning/missing.csv");
    assertThat(task.getPlanVersions(1).getOrigin()).isEqualTo("llm:planner");
    assertThat(model.lastMessages().get(1)).contains("Step 'step1' failed for good");
  }

  @Test
  void shouldRefuseAGoalWithoutPipelineWhenNoPlannerModelIsConfigured() throws Exception {
    var api = api(Optional.empty());

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> submitGoal(api, "describe the small table"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(field(e)).isEqualTo("spec.pipeline");
    assertThat(e.getStatus().getDescription()).contains("no planner model").contains("'planner:' section")
        .contains("--models");
  }

  @Test
  void shouldRefuseAZeroOrNegativeReplanLimitNamingTheField() throws Exception {
    var api = api(Optional.of(settings()));
    for (int max : new int[] {0, -2, 21}) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.submitTask(
          SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("g")
              .setReplan(ReplanPolicy.newBuilder().setMaxVersions(max))).build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(field(e)).isEqualTo("spec.replan.max_versions");
      assertThat(e.getStatus().getDescription()).contains("was " + max);
    }
    assertThat(model.chatRequests()).isEmpty();
  }

  @Test
  void shouldRefuseAZeroOrNegativeAgentBudgetNamingTheField() throws Exception {
    var api = api(Optional.of(settings()));
    record Case(AgentBudget budget, String field) {}
    List<Case> cases = List.of(
        new Case(AgentBudget.newBuilder().setMaxTokens(0).build(),
            "spec.agent_budget.max_tokens"),
        new Case(AgentBudget.newBuilder().setMaxTokens(-5).build(),
            "spec.agent_budget.max_tokens"),
        new Case(AgentBudget.newBuilder().setMaxCost("0").build(), "spec.agent_budget.max_cost"),
        new Case(AgentBudget.newBuilder().setMaxCost("-0.5").build(),
            "spec.agent_budget.max_cost"),
        new Case(AgentBudget.newBuilder().setMaxCost("lots").build(),
            "spec.agent_budget.max_cost"),
        new Case(AgentBudget.newBuilder().setWallClockSeconds(0).build(),
            "spec.agent_budget.wall_clock_seconds"),
        new Case(AgentBudget.getDefaultInstance(), "spec.agent_budget"));
    for (Case c : cases) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> api.submitTask(
          SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("g").setAgentBudget(c.budget()))
              .build()));

      assertThat(e.getStatus().getCode()).as(c.toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(field(e)).isEqualTo(c.field());
    }
    assertThat(model.chatRequests()).isEmpty();
  }

  @Test
  void shouldBoundTheAgentStepsOfAModelsPlanByTheAgentBudget() throws Exception {
    workers.shutdownNow();
    workers = PlannerModelWorkers.start(env, model, new PlannerSettings("planner", "planner", 2, 0, 512,
        PlannerSettings.DEFAULT_REPLAN, List.of("data.read_csv", "table.describe"), false), dir);
    model.enqueue(ScriptedReply.text("{\"steps\":[{\"name\":\"step1\",\"kind\":\"agent\",\"prompt\":\"go\","
        + "\"tools\":[\"table.describe\"],\"needs\":[]}]}"));
    // the agent's first answer uses more tokens than the ceiling allows: the task pauses on its budget
    model.otherwise(ScriptedReply.text("done", 90, 20));
    var api = api(Optional.of(settings()));
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal("go")
        .setAgentBudget(AgentBudget.newBuilder().setMaxTokens(50))).build()).getTaskId();

    Task paused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()),
            t -> t.getAwaitingCount() > 0 || t.getState() == TaskState.TASK_STATE_FAILED
                || t.getState() == TaskState.TASK_STATE_SUCCEEDED);

    assertThat(paused.getAwaitingMap()).containsKey("step1");
    assertThat(paused.getAwaitingMap().get("step1")).startsWith("BUDGET_EXHAUSTED");
  }

  private static String field(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }
}
