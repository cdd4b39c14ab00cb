package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.ListTasksResponse;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walking skeleton end to end, through a real runtime process and real gRPC: the same contract holds on the
 * official Temporal dev server and on the in-memory fallback (subclasses pick the runtime: the shared dev one, or
 * an in-memory one of their own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SamplePipelineContract {
  RuntimeProcess runtime;
  ApiClient api;
  private boolean ownsRuntime;

  /** Runs the contract on {@code runtime}; {@code owned}: the subclass started it, so it closes it after its tests. */
  void use(RuntimeProcess runtime, boolean owned) {
    this.runtime = runtime;
    this.ownsRuntime = owned;
    this.api = new ApiClient(runtime.channel());
  }

  ApiClient api() {
    return api;
  }

  @AfterAll
  void stop() throws Exception {
    if (ownsRuntime) {
      runtime.close();
    }
  }

  @Test
  void shouldRunSamplePipelineAndServeItsReport() throws Exception {
    String id = api().submitNamed("sample", Map.of("resamples", "2000"));
    List<Task> events = api.watch(id, Duration.ofMinutes(3));

    Task last = events.get(events.size() - 1);
    assertThat(last.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(last.getStepCountsMap()).containsExactly(Map.entry("STEP_STATE_SUCCEEDED", 6));
    assertThat(last.getStepsList()).allSatisfy(s -> assertThat(s.getOutput().getDigest()).startsWith("sha256:"));
    assertThat(last.getPipeline()).isEqualTo("sample");
    assertThat(last.hasEndedAt()).isTrue();

    String report = api.readArtifact(id, last.getResult().getDigest());
    assertThat(last.getResult().getMediaType()).isEqualTo("text/markdown");
    assertThat(report).startsWith("# Oral drug-likeness of approved drugs")
        .contains("| imatinib |").doesNotContain("| atorvastatin |") // 558.6 Da fails the rule of five
        .contains("Mean QED of the passing drugs (bootstrap)");
  }

  @Test
  void shouldListSubmittedTasksNewestFirst() throws Exception {
    String first = api().submitNamed("sample", Map.of("resamples", "100"));
    api.watch(first, Duration.ofMinutes(2));
    String second = api.submitNamed("sample", Map.of("resamples", "100"));
    api.watch(second, Duration.ofMinutes(2));

    Task listedSecond = null;
    for (int i = 0; i < 50 && listedSecond == null; i++) { // visibility is eventually consistent
      ListTasksResponse page = api.tasks().listTasks(ListTasksRequest.newBuilder().setPageSize(500).build());
      List<String> ids = page.getTasksList().stream().map(Task::getId).toList();
      if (ids.contains(second) && ids.contains(first)
          && page.getTasks(ids.indexOf(second)).getState() == TaskState.TASK_STATE_SUCCEEDED) {
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        listedSecond = page.getTasks(ids.indexOf(second));
      } else {
        Thread.sleep(200);
      }
    }
    assertThat(listedSecond).as("second task listed as succeeded").isNotNull();
    assertThat(listedSecond.getPipeline()).isEqualTo("sample");
    assertThat(listedSecond.getGoal()).isEqualTo("e2e sample");
  }

  @Test
  void shouldPageThroughTasks() throws Exception {
    for (int i = 0; i < 3; i++) {
      api().watch(api.submitNamed("sample", Map.of("resamples", "10")), Duration.ofMinutes(2));
    }
    ListTasksResponse page1 = api.tasks().listTasks(ListTasksRequest.newBuilder().setPageSize(2).build());
    assertThat(page1.getTasksCount()).isEqualTo(2);
    assertThat(page1.getNextPageToken().isEmpty()).isFalse();
    ListTasksResponse page2 = api.tasks().listTasks(ListTasksRequest.newBuilder().setPageSize(2)
        .setPageToken(page1.getNextPageToken()).build());
    assertThat(page2.getTasksList()).extracting(Task::getId).doesNotContainAnyElementsOf(
        page1.getTasksList().stream().map(Task::getId).toList());
    assertThatThrownBy(() -> api.tasks().listTasks(ListTasksRequest.newBuilder().setPageSize(501).build()))
        .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void shouldRejectMalformedPipelinesNamingStepAndFieldAndStartNothing() throws Exception {
    api();
    assertInvalid("bad-yaml", "name: p\nsteps: [\n", "spec.pipeline_yaml", "YAML syntax error");
    assertInvalid("bad-cycle", """
        name: p
        steps:
          - {name: a, tool: table.describe, params: {input: "${steps.b.output}"}}
          - {name: b, tool: table.describe, params: {input: "${steps.a.output}"}}
        """, "spec.pipeline_yaml.steps[a].needs", "dependency cycle: a -> b -> a");
    assertInvalid("bad-kind", """
        name: p
        steps:
          - {name: a, kind: teleport, tool: table.describe}
        """, "spec.pipeline_yaml.steps[a].kind", "unknown step kind 'teleport'");
    assertInvalid("bad-tool", """
        name: p
        steps:
          - {name: a, tool: table.describbe, params: {input: x}}
        """, "spec.pipeline_yaml.steps[a].tool", "unknown tool 'table.describbe'");
    assertInvalid("bad-need", """
        name: p
        steps:
          - {name: a, tool: data.read_csv, params: {source: "classpath:x.csv"}, needs: [ghost]}
        """, "spec.pipeline_yaml.steps[a].needs", "needs unknown step 'ghost'");
    assertInvalid("bad-ref", """
        name: p
        steps:
          - {name: a, tool: table.describe, params: {input: "${steps.ghost.output}"}}
        """, "spec.pipeline_yaml.steps[a].params.input", "refers to unknown step 'ghost'");
    assertInvalid("bad-param", """
        name: p
        steps:
          - {name: a, tool: table.filter, params: {input: "x"}}
        """, "spec.pipeline_yaml.steps[a].params.where", "required by tool 'table.filter'");
    assertInvalid("bad-name", null, "spec.pipeline_name", "unknown pipeline 'no-such-pipeline'");
  }

  @Test
  void shouldFailTaskWithTheStepsReasonWhenAToolRejectsItsInput() throws Exception {
    String id = api().submitYaml("""
        name: broken-filter
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - {name: filter, tool: table.filter, params: {input: "${steps.load.output}", where: "potency > 5"}}
          - {name: profile, tool: table.describe, params: {input: "${steps.filter.output}"}}
        """, Map.of());
    Task last = lastEvent(api.watch(id, Duration.ofMinutes(2)));
    assertThat(last.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
    assertThat(last.getError()).isEqualTo("step 'filter' failed: no column 'potency'; columns are "
        + "[name, smiles, mw, logp, hbd, hba, tpsa, rotb, qed]");
    assertThat(last.getSteps(0).getState()).isEqualTo(StepState.STEP_STATE_SUCCEEDED);
    assertThat(last.getSteps(2).getState()).isEqualTo(StepState.STEP_STATE_SKIPPED);
  }

  @Test
  void shouldCancelRunningTaskAndRefuseToCancelItAgain() throws Exception {
    String id = api().submitNamed("sample", Map.of("resamples", "50000000"));
    api.awaitTask(id, t -> t.getStepsList().stream().anyMatch(s -> s.getName().equals("qed_interval")
        && s.getState() == StepState.STEP_STATE_RUNNING), Duration.ofMinutes(2));
    api.tasks().cancelTask(CancelTaskRequest.newBuilder().setTaskId(id).setReason("test").build());

    Task last = lastEvent(api.watch(id, Duration.ofMinutes(2)));
    assertThat(last.getState()).isEqualTo(TaskState.TASK_STATE_CANCELLED);
    assertThatThrownBy(() -> api.tasks().cancelTask(CancelTaskRequest.newBuilder().setTaskId(id).build()))
        .satisfies(e -> {
          assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e).hasMessageContaining("already ended");
        });
  }

  @Test
  void shouldStartNoNewStepWhilePausedAndFinishAfterResume() throws Exception {
    String id = api().submitNamed("sample", Map.of("resamples", "1500000"));
    api.awaitTask(id, t -> step(t, "qed_interval") == StepState.STEP_STATE_RUNNING, Duration.ofMinutes(2));
    api.tasks().pauseTask(PauseTaskRequest.newBuilder().setTaskId(id).setReason("maintenance window").build());

    Task paused = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_PAUSED, Duration.ofSeconds(30));
    assertThat(paused.getError()).isEqualTo("paused: maintenance window");
    api.awaitTask(id, t -> step(t, "qed_interval") == StepState.STEP_STATE_SUCCEEDED, Duration.ofMinutes(2));
    Thread.sleep(1_500); // time enough for the report step to start, were it allowed to
    Task stillPaused = api.get(id);
    assertThat(stillPaused.getState()).isEqualTo(TaskState.TASK_STATE_PAUSED);
    assertThat(step(stillPaused, "report")).isEqualTo(StepState.STEP_STATE_PENDING);

    api.tasks().resumeTask(ResumeTaskRequest.newBuilder().setTaskId(id).build());
    Task done = lastEvent(api.watch(id, Duration.ofMinutes(2)));
    assertThat(done.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getError()).isEmpty();
    assertThatThrownBy(() -> api.tasks().pauseTask(PauseTaskRequest.newBuilder().setTaskId(id).build()))
        .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    assertNotFound(() -> api.tasks().resumeTask(ResumeTaskRequest.newBuilder().setTaskId("no-such-task").build()));
  }

  @Test
  void shouldHoldGatedStepForApprovalRecordTheDecisionAndRefuseBadDecisions() throws Exception {
    String yaml = """
        name: gated
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
        """;
    String id = api().submitYaml(yaml, Map.of());
    Task waiting = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_AWAITING_APPROVAL,
        Duration.ofMinutes(2));
    assertThat(waiting.getAwaitingMap()).containsKey("publish");
    assertThat(step(waiting, "publish")).isEqualTo(StepState.STEP_STATE_AWAITING_APPROVAL);

    assertThatThrownBy(() -> api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("load")
        .build())).satisfies(e -> assertThat(Status.fromThrowable(e).getCode())
            .isEqualTo(Status.Code.FAILED_PRECONDITION));
    assertThatThrownBy(() -> api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("publish")
        .setMaxTokens(-5).build())).satisfies(e -> assertThat(Status.fromThrowable(e).getCode())
            .isEqualTo(Status.Code.INVALID_ARGUMENT));
    api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("publish").setComment("looks right")
        .setBy("qa lead").build());

    Task done = lastEvent(api.watch(id, Duration.ofMinutes(2)));
    assertThat(done.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getDecisionsList()).singleElement().satisfies(d -> {
      assertThat(d.getStep()).isEqualTo("publish");
      assertThat(d.getApproved()).isTrue();
      assertThat(d.getBy()).isEqualTo("qa lead");
      assertThat(d.getComment()).isEqualTo("looks right");
    });

    String rejected = api.submitYaml(yaml, Map.of());
    api.awaitTask(rejected, t -> t.getState() == TaskState.TASK_STATE_AWAITING_APPROVAL, Duration.ofMinutes(2));
    api.tasks().rejectTask(RejectTaskRequest.newBuilder().setTaskId(rejected).setStep("publish")
        .setComment("wrong data set").setBy("qa lead").build());
    Task failed = lastEvent(api.watch(rejected, Duration.ofMinutes(2)));
    assertThat(failed.getState()).isEqualTo(TaskState.TASK_STATE_FAILED);
    assertThat(failed.getError()).isEqualTo("step 'publish' failed: rejected by qa lead: wrong data set");
  }

  private static StepState step(Task t, String name) {
    return t.getStepsList().stream().filter(s -> s.getName().equals(name)).map(Step::getState)
        .findFirst().orElse(StepState.STEP_STATE_UNSPECIFIED);
  }

  @Test
  void shouldAnswerNotFoundForUnknownTasks() throws Exception {
    api();
    assertNotFound(() -> api.tasks().getTask(GetTaskRequest.newBuilder().setTaskId("no-such-task").build()));
    assertNotFound(() -> api.tasks().cancelTask(CancelTaskRequest.newBuilder().setTaskId("no-such-task").build()));
    assertNotFound(() -> api.watch("no-such-task", Duration.ofSeconds(30)));
  }

  private void assertInvalid(String taskId, String yaml, String field, String message) {
    TaskSpec.Builder spec = TaskSpec.newBuilder();
    if (yaml == null) {
      spec.setPipelineName("no-such-pipeline");
    } else {
      spec.setPipelineYaml(yaml);
    }
    assertThatThrownBy(() -> api.tasks().submitTask(SubmitTaskRequest.newBuilder().setTaskId(taskId)
        .setSpec(spec).build()))
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(e -> {
          assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e).hasMessageContaining(message);
          BadRequest details = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
          assertThat(details.getFieldViolationsList()).anySatisfy(v -> assertThat(v.getField()).isEqualTo(field));
        });
    assertNotFound(() -> api.get(taskId)); // nothing was started
  }

  private static void assertNotFound(Runnable call) {
    assertThatThrownBy(call::run).satisfies(e ->
        assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  private static Task lastEvent(List<Task> events) {
    return events.get(events.size() - 1);
  }
}
