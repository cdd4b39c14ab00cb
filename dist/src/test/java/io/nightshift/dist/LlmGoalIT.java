package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.PlanVersion;
import io.nightshift.api.v1.ReplanPolicy;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.cli.NightshiftCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * A goal with no pipeline, submitted over gRPC to {@code nightshift dev --models FILE} whose models file names a
 * real llama.cpp server (SmolLM2-135M on CPU, provisioned and cached by LlamaCppProvisioner) as the planner (the
 * {@link SharedLlamaRuntime}, which DrugDiscoveryAgentsIT shares): the LLM planner turns the goal into a plan of
 * agent steps ({@code step_kinds: [agent]}), and the task runs them.
 *
 * <p>What a 135M model writes differs between CPU builds (greedy decoding is not bit-identical across them), so
 * nothing here depends on its tokens: the plan's structure, its step names and the tools it names are fixed by the
 * planner's grammar, so a plan comes (at the latest after a repair) and every step of it runs through the runtime,
 * each model call and each tool call the agent makes as its own activity. Which tool the agent calls, with what,
 * and what it answers are the model's; they are written to target/llm-goal-measurements.txt.
 */
@ExtendWith(SharedLlamaRuntime.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmGoalIT {
  static final String GOAL = "An agent step that calls data.read_csv with source"
      + " classpath:nightshift/data/approved_drugs.csv and says how many rows it has";

  private final List<String> measurements = new ArrayList<>();
  private RuntimeProcess runtime;
  private ApiClient api;

  /** The shared runtime's models file names the llama.cpp server as the planner and the agents' endpoint. */
  @BeforeAll
  void start(LlamaRuntime shared) {
    runtime = shared.runtime();
    api = new ApiClient(runtime.channel());
  }

  @AfterAll
  void writeMeasurements() throws Exception {
    Path out = Path.of("target", "llm-goal-measurements.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, measurements);
  }

  @Test
  void shouldPlanAGoalOnTheRealModelAndRunItsAgentStepsThroughTheRuntime() throws Exception {
    long t0 = System.nanoTime();
    // one plan version: a revision would double the time on a CPU model (replanning has its own tests)
    String id = api.tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal(GOAL)
        .setReplan(ReplanPolicy.newBuilder().setMaxVersions(1))).build()).getTaskId();

    Task task = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
        || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(8));

    long ms = (System.nanoTime() - t0) / 1_000_000;
    measure("task", ms + " ms, " + task.getState() + ", plan v" + task.getPlanVersion() + " by "
        + task.getPlanOrigin() + (task.getError().isEmpty() ? "" : ", error: " + task.getError()));
    for (PlanVersion v : task.getPlanVersionsList()) {
      measure("plan v" + v.getVersion(), v.getReason() + "; steps " + v.getStepsList());
    }
    runtime.log().lines().filter(l -> l.contains("LlmPlanner"))
        .forEach(l -> measure("planner log", l.length() > 600 ? l.substring(0, 600) + "..." : l));

    // the planner's grammar: a plan came from the model, its steps are step1..stepN, all agents
    assertThat(task.getPlanOrigin()).as(task.getError()).isEqualTo("llm:llama");
    assertThat(task.getPlanVersionsList()).isNotEmpty();
    assertThat(task.getStepsList()).isNotEmpty();
    for (int i = 0; i < task.getStepsCount(); i++) {
      Step s = task.getSteps(i);
      measure("step " + s.getName(), s.getState() + " " + s.getSummary() + s.getError());
      assertThat(s.getName()).isEqualTo("step" + (i + 1));
      assertThat(s.getTool()).as("an agent step has no tool of its own").isEmpty();
      // each step ended: a 135M model may spend its turns without answering, and then the step says so
      assertThat(s.getState()).isIn(StepState.STEP_STATE_SUCCEEDED, StepState.STEP_STATE_FAILED,
          StepState.STEP_STATE_SKIPPED);
    }
    // the runtime ran the first agent: its model calls are activities in its own workflow, and every tool call it
    // asked for ran as an activity whose result went back to the model
    String first = id + "/" + task.getSteps(0).getName();
    List<String> turns = TemporalHistories.completedActivities(runtime, first, "NextTurn");
    List<String> toolCalls = TemporalHistories.completedActivities(runtime, first, "CallTool");
    turns.forEach(t -> measure("model turn", t.length() > 400 ? t.substring(0, 400) + "..." : t));
    toolCalls.forEach(c -> measure("agent tool call", c));
    assertThat(turns).as("model calls of the first agent").isNotEmpty();
    assertThat(toolCalls).allSatisfy(c -> assertThat(c).contains("\"ok\":"));
    if (task.getState() == TaskState.TASK_STATE_FAILED) {
      assertThat(task.getError()).isNotBlank();
    }
    String[] status = cli("status", id);
    assertThat(status[0]).as(status[2]).isEqualTo("0");
    assertThat(status[1]).contains("pipeline=llm-plan").contains("plan: v1 by llm:llama");
  }

  @Test
  void shouldNameTheFieldWhenTheCliAsksForAZeroReplanLimitOrAgentBudget() {
    String[] run = cli("submit", "--goal", "anything", "--replan-max-versions", "0");

    assertThat(run[0]).isEqualTo("1");
    assertThat(run[2]).contains("INVALID_ARGUMENT").contains("spec.replan.max_versions: max_versions must be in [1, 20]");
    String[] budget = cli("submit", "--goal", "anything", "--agent-max-tokens", "0");
    assertThat(budget[0]).isEqualTo("1");
    assertThat(budget[2]).contains("spec.agent_budget.max_tokens: max_tokens must be greater than 0, was 0");
  }

  /** The CLI in-process against this runtime: exit code, stdout, stderr. */
  private String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = Arrays.copyOf(args, args.length + 4);
    full[args.length] = "--api";
    full[args.length + 1] = "127.0.0.1:" + runtime.apiPort;
    full[args.length + 2] = "--data-dir"; // whose admin token the CLI sends, as on the runtime's machine
    full[args.length + 3] = runtime.dataDir.toString();
    int exit = new CommandLine(new NightshiftCli())
        .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(full);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void shouldRefuseAZeroReplanLimitNamingTheField() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> api.tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setGoal(GOAL)
            .setReplan(ReplanPolicy.newBuilder().setMaxVersions(0))).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("max_versions must be in [1, 20]");
  }

  private void measure(String what, String value) {
    measurements.add(what + ": " + value);
    System.out.println("[llm-goal] " + what + ": " + value);
  }
}
