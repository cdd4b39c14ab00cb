package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.dag.StepState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskWorkflowTest {
  @TempDir Path dir;
  private EngineFixture engine;
  private TestWorkflowEnvironment env;
  private TextTools tools;

  @BeforeEach
  void setUp() {
    engine = new EngineFixture(dir);
    env = engine.env;
    tools = engine.tools;
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void shouldRunDagPassingOutputsByReference() throws IOException {
    TaskWorkflow wf = stub("diamond");
    TaskResult result = wf.run(input("diamond", Plans.DIAMOND));

    assertThat(text(result)).isEqualTo("HELLO WORLD");
    assertThat(result.outputs()).containsOnlyKeys("hello", "world", "joined", "shout");
    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.SUCCEEDED));
    assertThat(p.times().endedAtMillis()).isGreaterThanOrEqualTo(p.times().createdAtMillis());
  }

  @Test
  void shouldFailTaskNamingStepWhileKeepingIndependentResults() {
    TaskWorkflow wf = stub("failing");
    assertThatThrownBy(() -> wf.run(input("failing", Plans.ONE_BAD_BRANCH)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().hasMessageContaining("step 'bad' failed: input rejected: nope");

    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.FAILED);
    assertThat(p.status().error()).isEqualTo("step 'bad' failed: input rejected: nope");
    Map<String, StepStatus> steps = Plans.byName(p);
    assertThat(steps.get("good").state()).isEqualTo(StepState.SUCCEEDED);
    assertThat(steps.get("good").outcome().output()).isNotNull();
    assertThat(steps.get("bad").state()).isEqualTo(StepState.FAILED);
    assertThat(steps.get("after_bad").state()).isEqualTo(StepState.SKIPPED);
    assertThat(tools.calls.get("text.reject")).hasValue(1); // permanent: not retried
  }

  @Test
  void shouldRetryTransientToolErrorsUntilTheyPass() {
    TaskWorkflow wf = stub("flaky");
    wf.run(input("flaky", Plans.FLAKY));
    assertThat(tools.calls.get("text.flaky")).hasValue(3);
    assertThat(Plans.byName(wf.progress()).get("flaky").attempts()).isEqualTo(3);
  }

  @Test
  void shouldCancelRunningStepsWhenTaskIsCancelled() {
    TaskWorkflow wf = stub("cancelled");
    WorkflowClient.start(wf::run, input("cancelled", Plans.BLOCKING));
    env.sleep(Duration.ofSeconds(2));
    assertThat(Plans.byName(wf.progress()).get("wait").state()).isEqualTo(StepState.RUNNING);

    WorkflowStub.fromTyped(wf).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.CANCELLED);
    assertThat(p.steps()).extracting(StepStatus::state).containsOnly(StepState.CANCELLED);
  }

  @Test
  void shouldFailAtPlanningWithoutStartingSteps() {
    TaskWorkflow wf = stub("unplannable");
    assertThatThrownBy(() -> wf.run(input("unplannable", "not a plan")))
        .rootCause().hasMessageContaining("planning failed");
    assertThat(wf.progress().steps()).isEmpty();
    assertThat(tools.calls).isEmpty();
  }

  private TaskInput input(String id, String plan) {
    return EngineFixture.input(id, plan);
  }

  private TaskWorkflow stub(String id) {
    return engine.stub(id);
  }

  private String text(TaskResult result) {
    return engine.text(result.result());
  }



  static List<PlannedStep> steps(PlannedStep... s) {
    return List.of(s);
  }

  static PlannedStep step(String name, String tool, Map<String, String> params, String... needs) {
    return PlannedStep.tool(name, tool, params, List.of(needs));
  }

  static Plan plan(PlannedStep... s) {
    return Plan.of("test", 1, Map.of(), List.of(s));
  }
}
