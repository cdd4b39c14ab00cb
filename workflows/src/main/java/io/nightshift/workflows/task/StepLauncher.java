package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.activities.StepInput;
import io.nightshift.workflows.activities.UnitDemand;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.logging.TaskLogContext;
import io.nightshift.workflows.map.MapActivities;
import io.nightshift.workflows.map.MapActivities.ChunkRange;
import io.nightshift.workflows.map.ChunkPlacement;
import io.nightshift.workflows.map.MapInput;
import io.nightshift.workflows.map.MapPoolUse;
import io.nightshift.workflows.map.PoolSchedule;
import io.nightshift.workflows.map.PoolShare;
import io.nightshift.workflows.map.MapWork;
import io.nightshift.workflows.map.MapWorkflow;
import io.nightshift.workflows.task.budget.BudgetShares;
import io.nightshift.workflows.task.budget.WallClockGate;
import io.nightshift.workflows.task.control.Approval;
import io.nightshift.workflows.task.control.TaskControl;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.nightshift.workflows.task.placement.DeadlineWatch;
import io.nightshift.workflows.task.placement.StepPlacer;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts one step according to its kind and returns the promise of its output: a tool step is an activity, a
 * wait step a durable timer, a map step a split then a tree of {@link MapWorkflow} children, a pipeline step a
 * child {@link TaskWorkflow} ({@link ChildTaskStep}). Runs in workflow code, so it only orchestrates.
 */
final class StepLauncher {
  /**
   * Chunks a map leaf runs itself before the tree splits further. Each leaf hand-over (the last chunks drain, the
   * leaf merges and ends, the parent starts the next) idles part of the window, so fewer, longer leaves are faster:
   * 1,000 (about 3,300 events per leaf, a third of Temporal's 10,240 warning) took 10,000 subtasks from 41.0 s to
   * 32.5 s against 200 (bench/README.md, overhead round 7). The leaf size travels in each map node's input, so maps
   * already running keep theirs.
   */
  static final int MAP_LEAF_CHUNKS = 1000;
  /** Version marker: a placed map's chunks spread over every eligible pool instead of all going to one. */
  static final String MAP_SPREAD = "map-spread";
  /**
   * Version marker: the task plans the pools of all its deadline-paced maps together and tells its running maps
   * each new plan, instead of each map node pacing itself alone.
   */
  static final String MAP_PLAN = "map-plan";

  private final TaskInput task;
  private final Map<StepPolicy, StepActivities> stubs = new HashMap<>();
  private final MapActivities map = Workflow.newActivityStub(MapActivities.class, ActivityPolicies.engine());
  /** The root nodes of the deadline-paced maps running now, in the order they started, to tell each new plan. */
  private final Map<String, MapWorkflow> pacedRoots = new LinkedHashMap<>();

  private final DeadlineWatch deadline;
  private final StepPlacer placer;
  private final TaskControl control;
  private final AgentStep agents;
  private final ChildTaskStep children;
  /** Holds steps back once the task budget's wall clock ran out. */
  private final WallClockGate wallClock;
  /** Told how many items and chunks a map step's input split into, for the task's record. */
  private final MapSplits splits;

  /** Where a map step's split goes: the task's record of its items. Workflow code. */
  interface MapSplits {
    void split(String step, long items, int chunks, long nowMillis);
  }

  /**
   * @param shares    the task budget agent steps and child pipelines spend from ({@link BudgetShares#none()} without)
   * @param wallClock the task budget's wall clock ({@link WallClockGate#none()} without)
   * @param deadline  the deadline report the task's previous run ended with; empty in a first run
   */
  StepLauncher(TaskInput task, Plan plan, TaskControl control, MapSplits splits, BudgetShares shares,
      WallClockGate wallClock, Optional<DeadlineReport> deadline) {
    this.splits = splits;
    this.task = task;
    this.deadline = DeadlineWatch.of(plan, deadline);
    this.placer = new StepPlacer(task.pools(), plan.placement().toPolicy(), this.deadline);
    this.control = control;
    this.agents = new AgentStep(task, control, placer, shares);
    this.children = new ChildTaskStep(task, shares);
    this.wallClock = wallClock;
  }

  /** Whether the plan's deadline still holds; empty for a plan without one. */
  Optional<DeadlineReport> deadline() {
    return deadline.report();
  }

  /** The report of the last step placed against the plan's deadline, for the task's next run to carry. */
  Optional<DeadlineReport> lastDeadlineReport() {
    return deadline.latest();
  }

  void steerAgents(String guidance) {
    agents.steer(guidance);
  }

  /**
   * Starts a step; one with {@code approval: required} first waits (in its own workflow thread) for a person.
   *
   * @param outputs outputs of finished steps, for resolving {@code ${steps.X.output}} references
   */
  Promise<StepOutput> launch(PlannedStep step, Map<String, ArtifactRef> outputs) {
    return TaskLogContext.duringStep(step.name(), () -> wallClock.guard(step.name(), () -> gated(step, outputs)));
  }

  private Promise<StepOutput> gated(PlannedStep step, Map<String, ArtifactRef> outputs) {
    if (!step.approval()) {
      return launchNow(step, outputs);
    }
    return Async.function(() -> {
      control.awaitApproval(Approval.gate(step.name()));
      return launchNow(step, outputs).get();
    });
  }

  private Promise<StepOutput> launchNow(PlannedStep step, Map<String, ArtifactRef> outputs) {
    Map<String, String> params = StepReferences.resolveAll(step.params(), outputs);
    return switch (step.kind()) {
      case TOOL -> toolStep(step, params);
      case WAIT -> Workflow.newTimer(Duration.ofMillis(step.waitMillis()))
          .thenApply(v -> StepOutput.of(null, "waited " + Duration.ofMillis(step.waitMillis()), 1));
      case MAP -> mapStep(step, params, StepReferences.resolve(step.map().over(), outputs));
      case PIPELINE -> children.start(step, params);
      case AGENT -> Async.function(() -> agents.run(step, StepReferences.resolve(step.agent().prompt(), outputs)));
    };
  }

  private Promise<StepOutput> toolStep(PlannedStep step, Map<String, String> params) {
    String taskId = task.definition().taskId();
    StepInput input = new StepInput(taskId, step.name(), step.tool(), params, taskId + "/" + step.name(),
        UnitDemand.none());
    return step.requires() == null ? Async.function(stub(step.policy())::runStep, input)
        : Async.function(() -> placer.run(step, input));
  }

  private Promise<StepOutput> mapStep(PlannedStep step, Map<String, String> params, String over) {
    Promise<ChunkPlacement> placed = step.requires() == null ? Workflow.newPromise(ChunkPlacement.controlWorkers())
        : Async.function(() -> placeChunks(step));
    return placed.thenCompose(where -> Async.function(map::split,
        new MapActivities.SplitRequest(over, step.map().chunkSize())).thenCompose(split -> {
          String taskId = task.definition().taskId();
          placer.mapSplit(step, where, split.chunks());
          splits.split(step.name(), split.rows(), split.chunks(), Workflow.currentTimeMillis());
          ChunkPlacement planned = planned(where, split.chunks());
          MapWorkflow root = Workflow.newChildWorkflowStub(MapWorkflow.class, ChildWorkflowOptions.newBuilder()
              .setWorkflowId(taskId + "/" + step.name()).build());
          MapInput input = MapInput.root(new MapWork(taskId, step.name(), step.tool(), params,
              step.map().itemParam(), step.policy(), planned), new ChunkRange(split.manifest(), 0, split.chunks()),
              step.map().maxParallel(), MAP_LEAF_CHUNKS);
          if (planned != where) {
            pacedRoots.put(step.name(), root);
          }
          return Async.function(root::run, input).thenApply(r -> {
            pacedRoots.remove(step.name());
            placer.mapDone(step, where);
            return StepOutput.of(r.table(), r.rows() + " rows from " + split.rows() + " items in " + split.chunks()
                + " chunks" + on(where), 1).placed(MapPoolUse.of(where, r.use()))
                .withTelemetry(MapPoolUse.telemetry(r.use()));
          });
        }));
  }

  /**
   * A deadline-paced map's chunks under the task's plan for all its paced maps (from version 1 of
   * {@link #MAP_PLAN}), which the maps already running are told too; {@code where} itself otherwise.
   */
  private ChunkPlacement planned(ChunkPlacement where, int chunks) {
    if (where.deadline().isEmpty()
        || Workflow.getVersion(MAP_PLAN, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return where;
    }
    PoolSchedule plan = placer.planMaps(where, chunks);
    pacedRoots.values().forEach(root -> Async.procedure(() -> tell(root, plan)));
    return where.by(where.deadline().get().planned(plan));
  }

  /** A map that ended before the signal reached it needs no plan. */
  private static void tell(MapWorkflow root, PoolSchedule plan) {
    try {
      root.reschedule(plan);
    } catch (SignalExternalWorkflowException e) {
      // it ended meanwhile
    }
  }

  /**
   * Where a placed map's chunks run: spread over every eligible pool (from version 1 of {@link #MAP_SPREAD}), or,
   * in maps started before, all on the one pool placement chose.
   */
  private ChunkPlacement placeChunks(PlannedStep step) {
    if (Workflow.getVersion(MAP_SPREAD, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return ChunkPlacement.onQueue(BackendQueues.forPool(placer.choosePool(step)), StepPlacer.demand(step));
    }
    return placer.spread(step);
  }

  private static String on(ChunkPlacement where) {
    if (where.spreads()) {
      return " over " + where.pools().stream().map(PoolShare::poolId).collect(Collectors.joining(", "));
    }
    return where.taskQueue().map(q -> " on " + q).orElse("");
  }

  private StepActivities stub(StepPolicy policy) {
    return stubs.computeIfAbsent(policy, p -> Workflow.newActivityStub(StepActivities.class,
        ActivityPolicies.steps(p)));
  }
}
