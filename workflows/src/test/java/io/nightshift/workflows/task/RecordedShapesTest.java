package io.nightshift.workflows.task;

import static io.nightshift.workflows.engine.RecordedPayloads.fieldNames;
import static io.nightshift.workflows.engine.RecordedPayloads.first;
import static io.nightshift.workflows.engine.RecordedPayloads.read;
import static io.nightshift.workflows.engine.RecordedPayloads.roundTrip;
import static io.nightshift.workflows.engine.RecordedPayloads.startInput;
import static io.nightshift.workflows.engine.RecordedPayloads.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.table.TableSlice;
import io.nightshift.workflows.activities.PoolUse;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.map.MapActivities.ChunkRefs;
import io.nightshift.workflows.map.MapInput;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The payload records were split into parts by concern; what histories recorded before that (flat JSON, nulls for
 * features a task did not use) must read into the parts, and what is written now must have the same flat shape, so
 * old and new workers, and an API and a worker of either version, read each other's payloads. Read and written with
 * Temporal's own data converter, as workers and clients do.
 */
class RecordedShapesTest {
  private static final String DIGEST = "sha256:2689367b205c16ce32ed4200942b8b8b1e262dfc70d9bc9fbc77c49699a4f1df";

  @Test
  void shouldReadATaskInputRecordedBeforeItHadPartsWithItsCarryOver() throws Exception {
    TaskInput input = startInput("task-chain", TaskInput.class);

    assertThat(input.definition()).isEqualTo(new TaskDefinition("task-chain", "recorded", "chain", "chain", Map.of(),
        0));
    assertThat(input.settings()).isEqualTo(new TaskSettings(8, false, 40));
    assertThat(input.policies()).isEqualTo(TaskPolicies.NONE);
    assertThat(input.pools()).isEmpty();
    TaskCarry carry = input.carry().orElseThrow();
    assertThat(carry.plan().steps()).hasSize(12);
    assertThat(carry.plan().placement()).isEqualTo(PlacementSpec.DEFAULT); // recorded before plans had placement
    assertThat(carry.plan().origin()).isNull(); // and before they had an origin
    assertThat(carry.steps().states()).containsEntry("s5", StepState.SUCCEEDED).containsEntry("s6", StepState.PENDING);
    assertThat(carry.steps().attempts()).containsEntry("s0", 1).hasSize(6);
    assertThat(carry.steps().stepRuns()).isEmpty(); // recorded before steps had runs
    assertThat(carry.planVersions()).isEmpty(); // and before plans had versions
    assertThat(carry.ledger()).isEmpty();
    assertThat(carry.deadline()).isEmpty(); // and before deadline reports were carried
    assertThat(carry.runs()).isEqualTo(1);
  }

  @Test
  void shouldReadTheOldestTaskInputWithoutPoolsOrPolicies() throws Exception {
    TaskInput input = startInput("task-pausable", TaskInput.class);

    assertThat(input.definition().pipelineName()).isEqualTo("pausable");
    assertThat(input.pools()).isEmpty();
    assertThat(input.policies()).isEqualTo(TaskPolicies.NONE);
    assertThat(input.carry()).isEmpty();
  }

  @Test
  void shouldReadTheTaskPoliciesATaskWasRecordedWith() throws Exception {
    assertThat(startInput("task-budget-raised", TaskInput.class).policies())
        .isEqualTo(new TaskPolicies(Optional.empty(), Optional.empty(), Optional.of(new TaskBudget(1000, null, 0))));
    assertThat(startInput("task-replanned", TaskInput.class).policies().replan())
        .contains(new ReplanPolicy(3, true));
  }

  @Test
  void shouldReadAMapNodeInputRecordedBeforeItHadParts() throws Exception {
    MapInput node = startInput("map-tree-v2", MapInput.class);

    assertThat(node.work().step()).isEqualTo("doubled");
    assertThat(node.work().tool()).isEqualTo("table.double");
    assertThat(node.work().itemParam()).isEqualTo("input");
    assertThat(node.work().placement().taskQueue()).isEmpty();
    assertThat(node.range().from()).isZero();
    assertThat(node.range().to()).isEqualTo(300);
    assertThat(node.range().manifest().mediaType()).isEqualTo("text/x-nightshift-manifest");
    assertThat(node.window()).isEqualTo(20);
    assertThat(node.leafChunks()).isEqualTo(200);
  }

  @Test
  void shouldReadChunkRefsRecordedBeforeSlicesAsTheirChunkArtifacts() throws Exception {
    ChunkRefs recorded = first("task-map-spread_doubled",
        e -> e.getActivityTaskCompletedEventAttributes().getResult(), "\"chunks\":[", ChunkRefs.class);

    assertThat(recorded.slices()).isEmpty();
    assertThat(recorded.chunks()).hasSize(recorded.itemValues().size()).isNotEmpty();
    assertThat(recorded.itemValues().get(0))
        .isEqualTo("artifact:sha256:daff832f802000e645771a60983c76c963f6ee602a6230e45237bd360e91cc1a");
    // what is written now: both lists under their own names, read back as written
    ChunkRefs sliced = new ChunkRefs(List.of(), List.of(new TableSlice(DIGEST, 0, 1, 2, 4).uri()));
    assertThat(fieldNames(written(sliced))).containsExactlyInAnyOrder("chunks", "slices");
    assertThat(roundTrip(sliced)).isEqualTo(sliced);
    assertThat(sliced.itemValues()).isEqualTo(sliced.slices());
  }

  @Test
  void shouldReadAChildTaskResultWithTheBudgetItSpent() throws Exception {
    TaskResult r = first("task-budget-child", e -> e.getChildWorkflowExecutionCompletedEventAttributes().getResult(),
        "\"spent\"", TaskResult.class);

    assertThat(r.outputs()).containsOnlyKeys("a", "b");
    assertThat(r.spent().map(TaskBudgetStatus::tokensSpent)).contains(1_200L);
  }

  @Test
  void shouldReadAStepOutputRecordedBeforePlacementAndTokens() throws Exception {
    StepOutput out = first("task-chain-run1", e -> e.getActivityTaskCompletedEventAttributes().getResult(),
        "\"attempt\"", StepOutput.class);

    assertThat(out.attempt()).isEqualTo(1);
    assertThat(out.use()).isEqualTo(PoolUse.NONE);
    assertThat(out.tokens()).isZero();
    assertThat(out.telemetry()).isEmpty();
  }

  @Test
  void shouldWriteAPlacedStepOutputFlatUnderTheFieldNamesItWasRecordedWith() throws Exception {
    StepOutput out = StepOutput.of(null, "done", 2).placed(new PoolUse("gpus", "cheapest", 8.0, 0.02, 0.05))
        .withTokens(3);

    JsonNode json = written(out);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("output", "summary", "attempt", "pool", "placement",
        "unitSeconds", "cost", "fastestCost", "tokens", "telemetry");
    assertThat(json.get("telemetry").isNull()).isTrue();
    assertThat(roundTrip(out)).isEqualTo(out);
  }

  @Test
  void shouldKeepAStepOutputsTelemetryWithFiguresTheExecutorDidNotReadStillAbsent() throws Exception {
    UnitTelemetry neuron = new UnitTelemetry(3, OptionalDouble.of(61.5), OptionalDouble.of(88), OptionalLong.empty(),
        OptionalDouble.empty(), OptionalDouble.empty());
    StepOutput out = new StepOutput(null, "done", 1, new PoolUse("trn", "cheapest", 4, 0.01, 0), 0,
        Optional.of(neuron));

    JsonNode json = written(out);

    assertThat(fieldNames(json.get("telemetry"))).containsExactlyInAnyOrder("samples", "meanUtilizationPercent",
        "peakUtilizationPercent", "peakMemoryUsedBytes", "meanPowerWatts", "energyJoules");
    assertThat(json.get("telemetry").get("meanPowerWatts").isNull()).isTrue();
    assertThat(roundTrip(out)).isEqualTo(out);
  }

  @Test
  void shouldReadAStepRunAnOlderWorkerRecordedWithoutTelemetry() {
    String older = """
        {"pool":"gpus","placement":"cheapest","unitSeconds":8.0,"cost":0.02,"tokens":0,"fastestCost":0.05}""";

    StepRun run = read(older, StepRun.class);

    assertThat(run.unitSeconds()).isEqualTo(8.0);
    assertThat(run.telemetry()).isEmpty();
  }

  @Test
  void shouldWriteEveryPartOfATaskInputFlatUnderTheFieldNamesItWasRecordedWith() throws Exception {
    TaskInput input = TaskInput.builder("t", "g").pipeline("p", "yaml").params(Map.of("k", "v")).depth(1)
        .maxParallelSteps(4).searchAttributes(true).historyBudget(100).pools(List.of("cpu"))
        .replan(new ReplanPolicy(2, false)).budget(new TaskBudget(10, null, 0)).build();

    JsonNode json = written(input);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("taskId", "goal", "pipelineName", "pipelineYaml",
        "params", "maxParallelSteps", "useSearchAttributes", "depth", "historyBudget", "carry", "pools", "replan",
        "agentCeiling", "budget");
    assertThat(json.get("agentCeiling").isNull()).isTrue(); // an absent policy is null, as it always was
    assertThat(json.get("carry").isNull()).isTrue();
    assertThat(roundTrip(input)).isEqualTo(input);
  }

  @Test
  void shouldAnswerTheProgressQueryInTheFlatShapeOlderApisRead() throws Exception {
    TaskProgress progress = new TaskProgress(
        new TaskStatus("t", "g", "p", TaskState.AWAITING_APPROVAL, null, null), new TaskTimes(1, 2, 0),
        List.of(new StepStatus("publish", "tool", "text.upper", List.of(), StepState.AWAITING_APPROVAL, 0,
            new StepOutcome(null, null, null), Optional.of(new StepRun("cpu", "cheapest", 1.5, 0.1, 7, 0, Optional.empty())))),
        new ApprovalLog(Map.of("publish", "approval required"), List.of(new Decision("x", true, "ok", "me", 0,
            null, 5))), new PlanHistory(1, List.of()), Optional.empty(), Optional.empty());

    JsonNode json = written(progress);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("taskId", "goal", "pipeline", "state", "steps", "result",
        "error", "createdAtMillis", "updatedAtMillis", "endedAtMillis", "awaiting", "decisions", "planVersion",
        "planVersions", "budget", "deadline", "timeline"); // timeline and a step's clock: new fields, which older
    // APIs skip as they skip every field their records do not name
    assertThat(fieldNames(json.get("steps").get(0))).containsExactlyInAnyOrder("name", "tool", "state", "needs",
        "output", "summary", "error", "attempts", "run", "kind", "clock");
    assertThat(roundTrip(progress)).isEqualTo(progress);
  }

  @Test
  void shouldReadAProgressAnswerOfAnOlderWorker() {
    String older = """
        {"taskId":"t","goal":"g","pipeline":"p","state":"RUNNING","steps":[{"name":"a","tool":"text.emit",
        "state":"SUCCEEDED","needs":[],"output":{"digest":"%s","size":1,"mediaType":"text/plain"},
        "summary":"ok","error":null,"attempts":1,"run":null}],"result":null,"error":null,"createdAtMillis":1,
        "updatedAtMillis":2,"endedAtMillis":0,"awaiting":{},"decisions":[]}""".formatted(DIGEST);

    TaskProgress p = read(older, TaskProgress.class);

    assertThat(p.status().state()).isEqualTo(TaskState.RUNNING);
    assertThat(p.plans()).isEqualTo(new PlanHistory(0, List.of()));
    assertThat(p.budget()).isEmpty();
    StepStatus a = p.steps().get(0);
    assertThat(a.kind()).isNull(); // from workers older than the field
    assertThat(a.run()).isEmpty();
    assertThat(a.outcome().output()).isEqualTo(new ArtifactRef(DIGEST, 1, "text/plain"));
  }
}
