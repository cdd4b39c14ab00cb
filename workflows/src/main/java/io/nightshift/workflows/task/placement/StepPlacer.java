package io.nightshift.workflows.task.placement;

import io.nightshift.core.accelerator.placement.DeadlineDecision;
import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementDecision;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.activities.StepInput;
import io.nightshift.workflows.activities.PoolUse;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.activities.UnitDemand;
import io.nightshift.workflows.backends.BackendActivityOptions;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.FleetSnapshot;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.backends.PoolInventories;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.nightshift.workflows.map.ChunkDeadline;
import io.nightshift.workflows.map.PoolSchedule;
import io.nightshift.workflows.map.ChunkPlacement;
import io.nightshift.workflows.map.PoolShare;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.FailureMessages;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a step that {@code requires} accelerators on the pool placement chooses: inventory of every pool (an
 * activity on each pool's own queue), the deterministic {@link Placement} under the task's policy, then the tool
 * on that pool's queue. A pool where the step fails for any reason but bad input is treated as an open circuit
 * for this step and the step fails over to the next eligible pool; bad input fails at once, since it would fail
 * anywhere. Records where the step ran, the unit-seconds it held and their cost.
 */
public final class StepPlacer {
  /** Version marker: tool steps and maps may be placed on a pool without free units now, and wait there. */
  static final String QUEUE_AT_BUSY_POOLS = "queue-at-busy-pools";
  /** Version marker: under a deadline, a map's chunks go to the cheapest pools that keep to it. */
  static final String MAP_DEADLINE = "map-deadline";

  private final List<String> pools;
  private final PlacementPolicy policy;
  private final DeadlineWatch deadline;
  /**
   * Each pool's pickup timeout as its latest inventory reported it: the next inventory call on the pool's queue
   * waits that long for a worker too, so a pool whose workers died is given up on as soon as its step calls are.
   */
  private final Map<String, Long> pickupReported = new HashMap<>();

  /**
   * @param pools    the pools the task may place steps on; each answers inventory on its own queue
   * @param deadline the plan's deadline, for a cost policy that must finish by one
   */
  public StepPlacer(List<String> pools, PlacementPolicy policy, DeadlineWatch deadline) {
    this.pools = List.copyOf(pools);
    this.policy = policy;
    this.deadline = deadline;
  }

  /** Call from a workflow thread of its own (Async): it blocks on inventory and on the step. */
  public StepOutput run(PlannedStep step, StepInput input) {
    StepRequirements needs = step.requires().toStepRequirements();
    Set<String> failed = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    while (true) {
      Choice choice = choose(step, needs, failed, failures);
      ActivityOptions options = ActivityPolicies.placedSteps(step.policy(),
          BackendQueues.forPool(choice.pool().poolId()), choice.pickup());
      long start = Workflow.currentTimeMillis();
      try {
        StepOutput out = Workflow.newActivityStub(StepActivities.class, options).runStep(input.holding(demand(step)));
        // the pool measures how long the lease was held; results recorded before leases carry 0, and then the
        // wall time the workflow saw stands in for it, as it did when they were recorded
        double unitSeconds = out.use().unitSeconds() > 0 ? out.use().unitSeconds()
            : (Workflow.currentTimeMillis() - start) / 1000.0 * needs.units();
        return out.placed(new PoolUse(choice.pool().poolId(), choice.reason(), unitSeconds,
            unitSeconds / 3600.0 * choice.pool().pricePerUnitHour(), fastestCost(choice, unitSeconds)));
      } catch (ActivityFailure e) {
        if (e.getCause() instanceof ApplicationFailure af
            && StepActivities.TOOL_INPUT_ERROR.equals(af.getType())) {
          throw e;
        }
        failed.add(choice.pool().poolId());
        failures.add(choice.pool().poolId() + ": " + FailureMessages.of(e));
      }
    }
  }

  /** The units each call of a placed step holds on its pool, and its order among the work waiting there. */
  public static UnitDemand demand(PlannedStep step) {
    Requirements r = step.requires();
    return new UnitDemand(r.toStepRequirements().units(), r.priority(), r.estimateSeconds(),
        ActivityPolicies.runLimitMillis(step.policy()));
  }

  /**
   * Where a map step's chunks run: every pool that could run one chunk, best first by the task's policy, each with
   * as many slots as chunks it runs at once (its units over a chunk's units).
   */
  public ChunkPlacement spread(PlannedStep step) {
    StepRequirements needs = step.requires().toStepRequirements();
    FleetSnapshot fleet = inventory();
    List<PoolView> eligible = Placement.eligible(fleet.views(), needs, policy);
    if (eligible.isEmpty()) {
      PlacementDecision d = Placement.place(fleet.views(), needs, policy, Optional.empty(), true);
      throw ApplicationFailure.newNonRetryableFailure("no pool can run the chunks of map step '" + step.name()
          + "': " + d.reason() + circuitDetails(fleet) + (fleet.unreachable().isEmpty() ? ""
          : "; not answering: " + fleet.unreachable()), "NoEligiblePool");
    }
    List<PoolShare> shares = eligible.stream().map(v -> new PoolShare(v.poolId(),
        Math.max(1, v.totalUnits() / needs.units()), v.speed(), v.pricePerUnitHour(),
        pickupMillis(fleet, v.poolId()))).toList();
    ChunkPlacement spread = ChunkPlacement.spread(shares, demand(step));
    Optional<ChunkDeadline> by = deadline.forChunks(step);
    if (by.isPresent() && Workflow.getVersion(MAP_DEADLINE, Workflow.DEFAULT_VERSION, 1) == 1) {
      return spread.by(by.get());
    }
    return spread;
  }

  /** Notes whether a map step's chunks, now split, can be done by the plan's deadline. */
  public void mapSplit(PlannedStep step, ChunkPlacement where, int chunks) {
    deadline.mapSplit(step, where, chunks, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
  }

  /**
   * The plan for the pools of every deadline-paced map split so far, {@code where}'s {@code chunks} now included
   * ({@link DeadlineWatch#planMaps}).
   */
  public PoolSchedule planMaps(ChunkPlacement where, int chunks) {
    return deadline.planMaps(where, chunks, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
  }

  /** Notes a map step whose chunks were done after its deadline allowed. */
  public void mapDone(PlannedStep step, ChunkPlacement where) {
    deadline.mapDone(step, where, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
  }

  /** The pool a whole map step runs on, in maps started before chunks spread over pools. */
  public String choosePool(PlannedStep step) {
    return choose(step, step.requires().toStepRequirements(), Set.of(), List.of()).pool().poolId();
  }

  /**
   * @param fastest the fastest pool that could have run the step, for what the same work would cost there
   * @param pickup  how long the call waits for a worker of the pool to take it, as the pool reported
   */
  private record Choice(PoolView pool, String reason, PoolView fastest, Duration pickup) {}

  /**
   * Every pool's inventory, each call waiting as long for a worker of its pool as the pool last reported (the
   * engine's default for inventory before it reported, and for pools that reported none).
   */
  private FleetSnapshot inventory() {
    FleetSnapshot fleet = PoolInventories.collect(pools, id -> pickupReported.getOrDefault(id, 0L) > 0
        ? Duration.ofMillis(pickupReported.get(id)) : BackendActivityOptions.INVENTORY_SCHEDULE_TO_START);
    fleet.pools().forEach(p -> pickupReported.put(p.poolId(), p.pickupTimeoutMillis()));
    return fleet;
  }

  /** The pool's pickup timeout as its inventory reported it; 0 (the default) where it reported none. */
  private static long pickupMillis(FleetSnapshot fleet, String pool) {
    return fleet.pools().stream().filter(p -> p.poolId().equals(pool)).mapToLong(PoolSnapshot::pickupTimeoutMillis)
        .findFirst().orElse(0);
  }

  /** The same work (unit-seconds at the chosen pool's speed) at the fastest pool's speed and price. */
  private static double fastestCost(Choice choice, double unitSeconds) {
    double work = unitSeconds * choice.pool().speed();
    return work / choice.fastest().speed() / 3600.0 * choice.fastest().pricePerUnitHour();
  }

  /**
   * Where an agent step runs: the pool placement picks among those with a model endpoint for the step's model
   * ({@code requires.model}, else the model of the endpoint the step names), the agent's own endpoint's pool
   * first while it is eligible; then every endpoint that may serve it, the chosen pool's first.
   */
  public AgentPlacement placeAgent(PlannedStep step, String namedEndpoint) {
    FleetSnapshot fleet = inventory();
    StepRequirements needs = step.requires().toStepRequirements();
    String model = !needs.model().isEmpty() ? needs.model() : fleet.pools().stream()
        .flatMap(p -> p.endpoints().stream()).filter(e -> e.endpointId().equals(namedEndpoint))
        .map(PoolEndpoint::model).findFirst().orElse("");
    List<PoolView> views = new ArrayList<>();
    List<String> without = new ArrayList<>();
    Optional<String> sticky = Optional.empty();
    for (PoolSnapshot p : fleet.pools()) {
      List<PoolEndpoint> serving = serving(p, model);
      if (serving.isEmpty()) {
        without.add(p.poolId() + ": no model endpoint" + (model.isEmpty() ? "" : " serving " + model));
        continue;
      }
      views.add(p.view());
      if (serving.stream().anyMatch(e -> e.endpointId().equals(namedEndpoint))) {
        sticky = Optional.of(p.poolId());
      }
    }
    PlacementDecision d = Placement.place(views, needs.withModel(model), policy, sticky);
    if (d.pool().isEmpty()) {
      // no running server of the model will do: a pool that starts one on a lease of its own units
      List<PoolView> starters = model.isEmpty() ? List.of() : fleet.pools().stream()
          .filter(p -> p.servable().contains(model)).map(PoolSnapshot::view).toList();
      PlacementDecision onLease = Placement.place(starters, needs.withModel(model), policy, Optional.empty());
      if (onLease.pool().isPresent()) {
        PoolView pool = starters.stream().filter(v -> v.poolId().equals(onLease.pool().get())).findFirst()
            .orElseThrow();
        return new AgentPlacement(pool.poolId(), onLease.reason() + "; starts a " + model + " server on a lease"
            + circuitDetails(fleet), List.of(), Map.of(), model, true, pool.pricePerUnitHour(),
            ActivityPolicies.pickupTimeout(pickupMillis(fleet, pool.poolId())));
      }
      String leaseWhy = starters.isEmpty() ? "" : "; on a lease: " + onLease.reason();
      throw ApplicationFailure.newNonRetryableFailure("no pool can run agent step '" + step.name() + "': "
          + d.reason() + (without.isEmpty() ? "" : "; " + String.join("; ", without)) + leaseWhy
          + circuitDetails(fleet) + (fleet.unreachable().isEmpty() ? "" : "; not answering: "
          + fleet.unreachable()), "NoEligiblePool");
    }
    String chosen = d.pool().get();
    List<String> endpoints = new ArrayList<>();
    Map<String, String> poolOf = new LinkedHashMap<>();
    List<PoolSnapshot> ordered = new ArrayList<>(fleet.pools());
    ordered.sort(Comparator.comparing((PoolSnapshot p) -> !p.poolId().equals(chosen)).thenComparing(PoolSnapshot::poolId));
    for (PoolSnapshot p : ordered) {
      List<PoolEndpoint> serving = new ArrayList<>(serving(p, model));
      // the step's own endpoint first, then those whose circuit is closed, each group in the pool's order
      serving.sort(Comparator.comparing((PoolEndpoint e) -> !e.endpointId().equals(namedEndpoint))
          .thenComparing(PoolEndpoint::circuitOpen));
      for (PoolEndpoint e : serving) {
        if (poolOf.putIfAbsent(e.endpointId(), p.poolId()) == null) {
          endpoints.add(e.endpointId());
        }
      }
    }
    double price = views.stream().filter(v -> v.poolId().equals(chosen)).findFirst().orElseThrow()
        .pricePerUnitHour();
    return new AgentPlacement(chosen, d.reason() + circuitDetails(fleet), endpoints, poolOf, model, false, price,
        ActivityPolicies.pickupTimeout(pickupMillis(fleet, chosen)));
  }

  /**
   * Where an agent runs: the pool, why, and either the running endpoints that may serve it (with the pool of each)
   * or, when {@code onLease}, that the pool starts a server of {@code model} for it; and how long its calls on
   * the pool wait for a worker of the pool to take them.
   */
  public record AgentPlacement(String pool, String reason, List<String> endpoints, Map<String, String> poolOfEndpoint,
      String model, boolean onLease, double pricePerUnitHour, Duration pickup) {}

  /** Running servers of the model that calls may name directly (leased ones are reached by acquiring them). */
  private static List<PoolEndpoint> serving(PoolSnapshot pool, String model) {
    return pool.endpoints().stream().filter(e -> !e.leased() && (model.isEmpty() || e.model().equals(model)))
        .toList();
  }

  /** The reasons of open circuits, which placement itself only calls "circuit open". */
  private static String circuitDetails(FleetSnapshot fleet) {
    List<String> open = fleet.pools().stream().filter(p -> p.view().circuitOpen())
        .map(p -> p.poolId() + ": " + p.detail()).toList();
    return open.isEmpty() ? "" : " [" + String.join("; ", open) + "]";
  }

  private Choice choose(PlannedStep step, StepRequirements needs, Set<String> failed, List<String> failures) {
    FleetSnapshot fleet = inventory();
    List<PoolView> views = fleet.views().stream()
        .map(v -> failed.contains(v.poolId()) ? v.withCircuitOpen(true) : v).toList();
    // since step calls wait at their pool's gate, a busy pool is a place to queue, not a reason to fail the step
    boolean mayQueue = Workflow.getVersion(QUEUE_AT_BUSY_POOLS, Workflow.DEFAULT_VERSION, 1) == 1;
    PlacementDecision d = Placement.place(views, needs, policy, Optional.empty(), mayQueue);
    if (d.pool().isEmpty()) {
      String history = failures.isEmpty() ? "" : "; it failed on " + String.join("; ", failures);
      String silent = fleet.unreachable().isEmpty() ? "" : "; not answering: " + fleet.unreachable();
      throw ApplicationFailure.newNonRetryableFailure("no pool can run step '" + step.name() + "': " + d.reason()
          + circuitDetails(fleet) + history + silent, "NoEligiblePool");
    }
    List<PoolView> eligible = Placement.eligible(views, needs, policy);
    Optional<DeadlineDecision> byDeadline = deadline.decide(step, needs, eligible,
        Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    String chosen = byDeadline.map(DeadlineDecision::pool).orElse(d.pool().get());
    PoolView pool = views.stream().filter(v -> v.poolId().equals(chosen)).findFirst().orElseThrow();
    PoolView fastest = eligible.stream().max(Comparator.comparingDouble(PoolView::speed)).orElse(pool);
    String reason = byDeadline.map(DeadlineDecision::reason).orElse(d.reason()) + circuitDetails(fleet);
    return new Choice(pool, failures.isEmpty() ? reason : reason + " after " + String.join("; ", failures), fastest,
        ActivityPolicies.pickupTimeout(pickupMillis(fleet, chosen)));
  }
}
