package io.nightshift.runtime.ops;

import java.util.Set;

/**
 * Every series Nightshift registers, as Micrometer names them and as Prometheus shows them (dots to underscores,
 * base units and {@code _total} added). The dashboard in deploy/grafana queries these names; a test holds it to them.
 */
public final class MetricNames {
  /**
   * Tasks by {@code namespace} and {@code state}: counted in Temporal's visibility store, so the figure survives
   * restarts.
   */
  public static final String TASKS = "nightshift.tasks";
  /** Tasks with a step waiting for a person's decision, by {@code namespace}. */
  public static final String APPROVALS_WAITING = "nightshift.approvals.waiting";
  /** Step (activity) run time by {@code kind} (activity type), {@code tool} and {@code outcome}. */
  public static final String STEP_DURATION = "nightshift.step.duration";
  /**
   * Activities and workflow tasks waiting in a Temporal task {@code queue} of a {@code namespace} (Temporal's
   * approximate backlog).
   */
  public static final String QUEUE_BACKLOG = "nightshift.queue.backlog";
  /** Step calls waiting at a {@code pool}'s gate for units. */
  public static final String POOL_WAITING = "nightshift.pool.waiting";
  /** A {@code pool}'s units by {@code status} (leased, free). */
  public static final String POOL_UNITS = "nightshift.pool.units";
  /** Mean utilisation of a {@code pool}'s units, percent, where its telemetry reports it. */
  public static final String POOL_UTILISATION = "nightshift.pool.utilisation.percent";
  /** Power a {@code pool}'s units draw, watts, where its telemetry reports it. */
  public static final String POOL_POWER = "nightshift.pool.power.watts";
  /** What a {@code pool}'s leased units cost per hour now, in its {@code currency}. */
  public static final String POOL_COST = "nightshift.pool.cost.per.hour";
  /** 1 while a {@code pool} is UP or DEGRADED, 0 while DOWN. */
  public static final String POOL_UP = "nightshift.pool.up";
  /** Model calls by {@code endpoint} and {@code outcome} (ok, or the failure kind). */
  public static final String MODEL_CALLS = "nightshift.model.calls";
  /** Model call failures by {@code endpoint} and {@code kind}. */
  public static final String MODEL_ERRORS = "nightshift.model.errors";
  /** Tokens by {@code endpoint} and {@code direction} (input, output), as the endpoint reported them. */
  public static final String MODEL_TOKENS = "nightshift.model.tokens";
  /** Model call latency by {@code endpoint}, answered calls and failures alike. */
  public static final String MODEL_LATENCY = "nightshift.model.latency";
  /** 1 for a model {@code endpoint}'s circuit-breaker {@code state} now, 0 for the others. */
  public static final String CIRCUIT_STATE = "nightshift.model.circuit.state";
  /** 1 while Temporal answers this process, 0 while not. */
  public static final String TEMPORAL_REACHABLE = "nightshift.temporal.reachable";

  /**
   * The series counted in each Temporal namespace, labelled {@code namespace} (the runtime's own and each one
   * tenants are mapped to): every API process reports them, so a query takes the max per namespace, then sums.
   */
  public static final Set<String> BY_NAMESPACE = Set.of("nightshift_tasks", "nightshift_approvals_waiting",
      "nightshift_queue_backlog");

  /** The names Prometheus shows (histograms and timers also as {@code _bucket}, {@code _count}, {@code _sum}). */
  public static final Set<String> PROMETHEUS = Set.of(
      "nightshift_tasks", "nightshift_approvals_waiting", "nightshift_step_duration_seconds",
      "nightshift_queue_backlog", "nightshift_pool_waiting", "nightshift_pool_units",
      "nightshift_pool_utilisation_percent", "nightshift_pool_power_watts", "nightshift_pool_cost_per_hour",
      "nightshift_pool_up", "nightshift_model_calls_total", "nightshift_model_errors_total",
      "nightshift_model_tokens_total", "nightshift_model_latency_seconds", "nightshift_model_circuit_state",
      "nightshift_temporal_reachable");

  private MetricNames() {}

  /** A queried series name without the suffixes a histogram or timer adds. */
  public static String family(String series) {
    return series.replaceAll("_(bucket|count|sum|max)$", "");
  }
}
