package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.nightshift.client.BearerToken;
import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.TimelineEvent;
import io.nightshift.api.v1.TimelineEventKind;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * ForkTask over real gRPC into task workflows on Temporal's test server, the tools' calls counted: a fork keeps
 * the results of the steps upstream of its step that a changed param does not reach, without calling their tools
 * again, and runs the rest to the result a fresh task with the same params gets. One source task, finished, serves
 * every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForkTaskTest {
  /** The sample pipeline's shape on a small table: two branches from load, a param for each of two steps. */
  static final String PIPELINE = """
      name: small-sample
      params:
        max_mw: "200"
        resamples: "2000"
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
        - {name: light, tool: table.filter, params: {input: "${steps.load.output}", where: "mw <= ${params.max_mw}"}}
        - {name: profile_all, tool: table.describe, params: {input: "${steps.load.output}"}}
        - {name: mw_interval, tool: stats.bootstrap,
           params: {input: "${steps.light.output}", column: mw, resamples: "${params.resamples}"}}
        - name: report
          tool: report.markdown
          params:
            title: Light molecules
            sections: "Light=${steps.light.output}; All=${steps.profile_all.output}; MW=${steps.mw_interval.output}"
      """;
  private static final String OWNER = "alpha";
  private static final String SOURCE = "source";

  @TempDir static Path dir;
  private CountedToolTasks tasks;
  private Task source;

  @BeforeAll
  void runTheSource() throws Exception {
    tasks = new CountedToolTasks(dir);
    submit(SOURCE, Map.of());
    source = tasks.awaitEnd(OWNER, SOURCE);
    assertThat(source.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
  }

  @AfterAll
  void stop() {
    tasks.close();
  }

  @Test
  void shouldKeepTheEarlierStepsAndRerunOnlyWhatTheChangedParamReachesToTheSameResultAsAFreshTask()
      throws Exception {
    Map<String, Integer> before = counts();

    ForkTaskResponse fork = tasks.tasks(OWNER).forkTask(ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("mw_interval").putParams("resamples", "3000").setNewTaskId("fork-resamples").build());

    assertThat(fork.getTaskId()).isEqualTo("fork-resamples");
    assertThat(fork.getKeptStepsList()).containsExactly("load", "light", "profile_all");
    assertThat(fork.getRerunStepsList()).containsExactly("mw_interval", "report");
    Task forked = tasks.awaitEnd(OWNER, "fork-resamples");
    assertThat(forked.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(counts()).as("only the bootstrap and the report were called again").isEqualTo(Map.of(
        "data.read_csv", before.get("data.read_csv"), "table.filter", before.get("table.filter"),
        "table.describe", before.get("table.describe"), "stats.bootstrap", before.get("stats.bootstrap") + 1,
        "report.markdown", before.get("report.markdown") + 1));
    assertThat(forked.getForkedFrom()).isEqualTo(SOURCE);
    assertThat(forked.getForkedFromStep()).isEqualTo("mw_interval");
    assertThat(forked.getLabelsMap()).as("the source's labels").isEqualTo(Map.of("team", "chem"));
    assertThat(forked.getPlanVersions(0).getKeptStepsList()).containsExactly("load", "light", "profile_all");
    // the fork's own timeline, from 1: its plan, then only the steps it ran; kept steps carry no times of its own
    assertThat(forked.getTimeline(0).getSequence()).isEqualTo(1);
    assertThat(forked.getTimelineList())
        .filteredOn(e -> e.getKind() == TimelineEventKind.TIMELINE_EVENT_KIND_PLAN_VERSION).singleElement()
        .satisfies(e -> assertThat(e.getDetail()).contains("forked from task '" + SOURCE + "'"));
    assertThat(forked.getTimelineList())
        .filteredOn(e -> e.getKind() == TimelineEventKind.TIMELINE_EVENT_KIND_STEP_STARTED)
        .extracting(TimelineEvent::getStep).containsExactly("mw_interval", "report");
    assertThat(step(forked, "load").hasStartedAt()).isFalse();
    assertThat(step(forked, "report").hasStartedAt()).isTrue();
    for (String kept : fork.getKeptStepsList()) {
      assertThat(step(forked, kept).getOutput()).as(kept + " reuses the source's output")
          .isEqualTo(step(source, kept).getOutput());
    }
    submit("fresh-resamples", Map.of("resamples", "3000"));
    Task fresh = tasks.awaitEnd(OWNER, "fresh-resamples");
    assertThat(forked.getResult()).as("the fork's result is the one a fresh task with its params gets")
        .isEqualTo(fresh.getResult()).isNotEqualTo(source.getResult());
  }

  @Test
  void shouldRerunAnUpstreamStepWhoseParamsQuoteAChangedParam() throws Exception {
    ForkTaskResponse fork = tasks.tasks(OWNER).forkTask(ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("report").putParams("max_mw", "190").putLabels("study", "mw-190").build());

    assertThat(fork.getTaskId()).startsWith("task-");
    assertThat(fork.getKeptStepsList()).as("light quotes max_mw, and mw_interval needs light")
        .containsExactly("load", "profile_all");
    assertThat(fork.getRerunStepsList()).containsExactly("light", "mw_interval", "report");
    assertThat(tasks.tasks(OWNER).getTask(GetTaskRequest.newBuilder().setTaskId(fork.getTaskId()).build())
        .getLabelsMap()).as("the labels the fork was given").isEqualTo(Map.of("study", "mw-190"));
    assertThat(tasks.awaitEnd(OWNER, fork.getTaskId()).getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
  }

  @Test
  void shouldKeepNothingWhenForkedFromTheFirstStep() throws Exception {
    int loads = tasks.calls("data.read_csv");

    ForkTaskResponse fork = tasks.tasks(OWNER).forkTask(ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("load").setNewTaskId("fork-all").build());

    assertThat(fork.getKeptStepsList()).isEmpty();
    assertThat(fork.getRerunStepsList()).containsExactly("load", "light", "profile_all", "mw_interval", "report");
    Task forked = tasks.awaitEnd(OWNER, "fork-all");
    assertThat(forked.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(tasks.calls("data.read_csv")).isEqualTo(loads + 1);
    assertThat(forked.getResult()).as("same params, same result").isEqualTo(source.getResult());
  }

  @Test
  void shouldForkARunningTaskKeepingWhatSucceededSoFar() throws Exception {
    tasks.tasks(OWNER).submitTask(SubmitTaskRequest.newBuilder().setTaskId("running-source").setSpec(TaskSpec
        .newBuilder().setGoal("held").setPipelineYaml("""
            name: held
            steps:
              - {name: load, tool: data.read_csv, params: {source: "classpath:planning/small.csv"}}
              - {name: profile, tool: table.describe, params: {input: "${steps.load.output}"}}
              - {name: hold, tool: block, needs: [profile]}
            """)).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Task running;
    do {
      Thread.sleep(100);
      running = tasks.tasks(OWNER).getTask(GetTaskRequest.newBuilder().setTaskId("running-source").build());
    } while (step(running, "hold").getState() != StepState.STEP_STATE_RUNNING && System.nanoTime() < deadline);
    assertThat(step(running, "hold").getState()).as("the source runs its last step").isEqualTo(
        StepState.STEP_STATE_RUNNING);
    int loads = tasks.calls("data.read_csv");

    ForkTaskResponse fork = tasks.tasks(OWNER).forkTask(ForkTaskRequest.newBuilder().setTaskId("running-source")
        .setFromStep("hold").setNewTaskId("fork-of-running").build());
    tasks.held().release();

    assertThat(fork.getKeptStepsList()).containsExactly("load", "profile");
    assertThat(fork.getRerunStepsList()).containsExactly("hold");
    assertThat(tasks.awaitEnd(OWNER, "fork-of-running").getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(tasks.awaitEnd(OWNER, "running-source").getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(tasks.calls("data.read_csv")).isEqualTo(loads);
  }

  @Test
  void shouldAnswerAnotherTenantsTaskExactlyAsAnUnknownOne() {
    StatusRuntimeException theirs = forkAs("beta", ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("load").build());
    StatusRuntimeException none = forkAs("beta", ForkTaskRequest.newBuilder().setTaskId("no-such-task")
        .setFromStep("load").build());

    assertThat(theirs.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(theirs.getStatus().getDescription())
        .isEqualTo(none.getStatus().getDescription().replace("no-such-task", SOURCE));
  }

  @Test
  void shouldRefuseAnUnknownStepParamOrNewIdNamingTheField() throws Exception {
    StatusRuntimeException step = forkAs(OWNER, ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("nope").build());
    assertThat(step.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(field(step)).isEqualTo("from_step");
    assertThat(step.getStatus().getDescription()).contains("'nope'")
        .contains("load, light, profile_all, mw_interval, report");

    StatusRuntimeException param = forkAs(OWNER, ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("report").putParams("max_weight", "1").build());
    assertThat(param.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(field(param)).isEqualTo("params.max_weight");
    assertThat(param.getStatus().getDescription()).contains("'max_weight'").contains("max_mw, resamples");

    StatusRuntimeException id = forkAs(OWNER, ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("report").setNewTaskId("no spaces").build());
    assertThat(field(id)).isEqualTo("new_task_id");
    StatusRuntimeException taken = forkAs(OWNER, ForkTaskRequest.newBuilder().setTaskId(SOURCE)
        .setFromStep("report").setNewTaskId(SOURCE).build());
    assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void shouldForkFromTheWorkflowUiWithTheRequestAsJsonAndAnswerTheNewIdAndSteps() throws Exception {
    try (WorkflowUiServer ui = WorkflowUiServer.start("127.0.0.1", 0, NettyChannelBuilder.forAddress("127.0.0.1",
        tasks.port()).usePlaintext().intercept(BearerToken.sending(OWNER)), Optional.empty())) {
      String host = "127.0.0.1:" + ui.port();
      Map<String, String> json = Map.of("Host", host, "Content-Type", "application/json");

      RawHttp.Answer forked = RawHttp.send(ui.port(), "POST", "/api/tasks/" + SOURCE + "/fork", json,
          "{\"fromStep\": \"profile_all\", \"newTaskId\": \"ui-fork\"}");
      assertThat(forked.status()).as(forked.body()).isEqualTo(200);
      assertThat(forked.body()).contains("\"taskId\":\"ui-fork\"")
          .contains("\"keptSteps\":[\"load\",\"light\",\"mw_interval\"]")
          .contains("\"rerunSteps\":[\"profile_all\",\"report\"]");
      RawHttp.Answer refused = RawHttp.send(ui.port(), "POST", "/api/tasks/" + SOURCE + "/fork", json,
          "{\"fromStep\": \"nope\"}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"from_step\"");
      RawHttp.Answer listed = RawHttp.get(ui.port(), "/api/tasks/" + SOURCE + "/artifacts", host);
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.body()).contains(step(source, "load").getOutput().getDigest())
          .contains(source.getResult().getDigest());
    }
    assertThat(tasks.awaitEnd(OWNER, "ui-fork").getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
  }

  private void submit(String id, Map<String, String> params) {
    tasks.tasks(OWNER).submitTask(SubmitTaskRequest.newBuilder().setTaskId(id).setSpec(TaskSpec.newBuilder()
        .setGoal("light molecules").setPipelineYaml(PIPELINE).putAllParams(params).putLabels("team", "chem"))
        .build());
  }

  private StatusRuntimeException forkAs(String tenant, ForkTaskRequest request) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> tasks.tasks(tenant).forkTask(request));
    assertThat(e).as("refused: " + request).isNotNull();
    return e;
  }

  private Map<String, Integer> counts() {
    return java.util.List.of("data.read_csv", "table.filter", "table.describe", "stats.bootstrap", "report.markdown")
        .stream().collect(Collectors.toMap(Function.identity(), tasks::calls));
  }

  private static Step step(Task task, String name) {
    return task.getStepsList().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static String field(StatusRuntimeException e) throws Exception {
    return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0).getField();
  }
}
