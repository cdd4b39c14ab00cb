package io.nightshift.workflows.task;

import static io.nightshift.workflows.task.TaskWorkflowTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.planner.Replanner;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.replan.PlanVersion;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import io.nightshift.workflows.task.replan.Replanning;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replanning on Temporal's test server: v1 of {@link Plans#ONE_BAD_BRANCH} fails at step 'bad' for good; a planner
 * that answers a fixed v2 (or fails, or is never asked) decides what happens next.
 */
class ReplanTest {
  /** v2: 'good' identical (kept), 'bad' now emits text, 'after_bad' identical text but fed by the rerun 'bad'. */
  static Plan fixed(int version) {
    return new Plan("revised", version, Map.of(), List.of(
        step("good", "text.emit", Map.of("text", "fine")),
        step("bad", "text.emit", Map.of("text", "fixed")),
        step("after_bad", "text.upper", Map.of("input", "${steps.bad.output}"), "bad")), null, "test-planner");
  }

  /** A v2 that fails again at the same step. */
  static Plan stillBad(int version) {
    return new Plan("still-bad", version, Map.of(), List.of(
        step("good", "text.emit", Map.of("text", "fine")),
        step("bad", "text.reject", Map.of("text", "still no"))), null, "test-planner");
  }

  @TempDir Path dir;
  private EngineFixture engine;
  private final List<String> asked = new ArrayList<>();

  @AfterEach
  void tearDown() {
    if (engine != null) {
      engine.close();
    }
  }

  private EngineFixture engine(Replanner replanner) {
    engine = new EngineFixture(dir, (request, failed, step, error) -> {
      asked.add("v" + failed.version() + " " + step + ": " + error);
      return replanner.replan(request, failed, step, error);
    });
    return engine;
  }

  private static TaskInput input(String id, ReplanPolicy policy) {
    return EngineFixture.builder(id, Plans.ONE_BAD_BRANCH).replan(policy).build();
  }

  @Test
  void shouldRunARevisedPlanKeepingIdenticalSucceededSteps() {
    engine((r, failed, step, error) -> fixed(failed.version() + 1));
    TaskWorkflow wf = engine.stub("replanned");

    TaskResult result = wf.run(input("replanned", new ReplanPolicy(3, false)));

    assertThat(engine.text(result.result())).isEqualTo("FIXED");
    assertThat(asked).containsExactly("v1 bad: input rejected: nope");
    assertThat(engine.tools.calls.get("text.emit")).as("'good' ran once, new 'bad' once").hasValue(2);
    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(p.plans().planVersion()).isEqualTo(2);
    assertThat(p.steps()).extracting(StepStatus::state).containsOnly(StepState.SUCCEEDED);
    assertThat(Plans.byName(p).get("bad").outcome().error()).isNull();
    assertThat(p.plans().planVersions()).hasSize(2);
    PlanVersion v1 = p.plans().planVersions().get(0);
    PlanVersion v2 = p.plans().planVersions().get(1);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.reason()).isEqualTo("the task's first plan");
    assertThat(v1.steps()).containsExactly("good", "bad", "after_bad");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.origin()).isEqualTo("test-planner");
    assertThat(v2.failedStep()).isEqualTo("bad");
    assertThat(v2.reason()).isEqualTo("step 'bad' of v1 failed: input rejected: nope");
    assertThat(v2.kept()).containsExactly("good");
  }

  @Test
  void shouldWaitForApprovalOfTheNewVersionAndRunItWhenApproved() {
    engine((r, failed, step, error) -> fixed(failed.version() + 1));
    TaskWorkflow wf = engine.stub("approved");
    WorkflowClient.start(wf::run, input("approved", new ReplanPolicy(2, true)));
    engine.env.sleep(Duration.ofSeconds(5));

    TaskProgress waiting = wf.progress();
    assertThat(waiting.status().state()).isEqualTo(TaskState.AWAITING_APPROVAL);
    assertThat(waiting.approvals().awaiting()).containsOnlyKeys("plan-v2");
    assertThat(waiting.approvals().awaiting().get("plan-v2")).contains("plan v2").contains("good, bad, after_bad");
    assertThat(waiting.plans().planVersion()).isEqualTo(2);
    assertThat(Plans.byName(waiting).get("bad").state()).isEqualTo(StepState.PENDING);
    assertThat(engine.tools.calls.get("text.emit")).as("nothing of v2 ran yet").hasValue(1);

    wf.decide(new Decision("plan-v2", true, "looks right", "alice", 0, null, 0));
    TaskResult result = WorkflowStub.fromTyped(wf).getResult(TaskResult.class);

    assertThat(engine.text(result.result())).isEqualTo("FIXED");
    assertThat(wf.progress().approvals().decisions()).singleElement()
        .satisfies(d -> assertThat(d.step()).isEqualTo("plan-v2"));
  }

  @Test
  void shouldFailWithTheCommentWhenTheNewVersionIsRejected() {
    engine((r, failed, step, error) -> fixed(failed.version() + 1));
    TaskWorkflow wf = engine.stub("rejected");
    WorkflowClient.start(wf::run, input("rejected", new ReplanPolicy(2, true)));
    engine.env.sleep(Duration.ofSeconds(5));

    wf.decide(new Decision("plan-v2", false, "do not emit made-up text", "bob", 0, null, 0));

    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("message='" + "step 'bad' failed: input rejected: nope; plan v2 rejected by bob: do not emit made-up text" + "'");
    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.FAILED);
    assertThat(p.plans().planVersions()).hasSize(2);
    assertThat(engine.tools.calls.get("text.emit")).hasValue(1);
  }

  @Test
  void shouldStopAtTheLastVersionThePolicyAllows() {
    engine((r, failed, step, error) -> stillBad(failed.version() + 1));
    TaskWorkflow wf = engine.stub("exhausted");

    assertThatThrownBy(() -> wf.run(input("exhausted", new ReplanPolicy(2, false))))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("message='" + "step 'bad' failed: input rejected: still no" + "'");

    assertThat(asked).hasSize(1);
    TaskProgress p = wf.progress();
    assertThat(p.plans().planVersion()).isEqualTo(2);
    assertThat(p.plans().planVersions().get(1).kept()).containsExactly("good");
    assertThat(engine.tools.calls.get("text.reject")).hasValue(2);
  }

  @Test
  void shouldFailNamingBothWhenThePlannerCannotRevise() {
    engine((r, failed, step, error) -> {
      throw new InvalidPipelineException(List.of(new PipelineProblem("step1", "tool", 0, "unknown tool 'x'")));
    });
    TaskWorkflow wf = engine.stub("unrevisable");

    assertThatThrownBy(() -> wf.run(input("unrevisable", new ReplanPolicy(3, false))))
        .rootCause().hasMessageContaining("message='step 'bad' failed: input rejected: nope; replanning failed: ")
        .hasMessageContaining("unknown tool 'x'");
    assertThat(wf.progress().plans().planVersions()).hasSize(1);
  }

  @Test
  void shouldFailAsBeforeWithoutAReplanPolicy() {
    engine((r, failed, step, error) -> fixed(failed.version() + 1));
    TaskWorkflow wf = engine.stub("no-policy");

    assertThatThrownBy(() -> wf.run(EngineFixture.input("no-policy", Plans.ONE_BAD_BRANCH)))
        .rootCause().hasMessageContaining("message='" + "step 'bad' failed: input rejected: nope" + "'");

    assertThat(asked).isEmpty();
    assertThat(wf.progress().plans().planVersion()).isEqualTo(1);
    assertThat(wf.progress().plans().planVersions()).singleElement()
        .satisfies(v -> assertThat(v.origin()).isEqualTo("declarative"));
  }

  @Test
  void shouldNotReplanAroundAPersonsRejection() {
    engine((r, failed, step, error) -> fixed(failed.version() + 1));
    TaskWorkflow wf = engine.stub("gate");
    Plan gated = Plan.of("gated", 1, Map.of(), List.of(new PlannedStep("bad",
        StepKind.TOOL, "text.emit", Map.of("text", "x"), List.of(),
        StepPolicy.DEFAULT, null, 0, null, null, null, true)));
    assertThat(gated.step("bad").approval()).isTrue();
    // the gated plan goes through a planner that knows it by name
    Plans.extra.put("gated", gated);
    try {
      WorkflowClient.start(wf::run, EngineFixture.builder("gate", "gated").replan(new ReplanPolicy(3, false)).build());
      engine.env.sleep(Duration.ofSeconds(2));
      wf.decide(new Decision("bad", false, "no", "carol", 0, null, 0));

      assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(TaskResult.class))
          .rootCause().hasMessageContaining("message='" + "step 'bad' failed: rejected by carol: no" + "'");
      assertThat(asked).isEmpty();
    } finally {
      Plans.extra.remove("gated");
    }
  }
}
