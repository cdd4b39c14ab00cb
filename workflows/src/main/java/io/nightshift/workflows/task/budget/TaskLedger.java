package io.nightshift.workflows.task.budget;

import io.nightshift.workflows.engine.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The task's reserve-then-settle ledger over all its agent steps. Before an agent runs, {@link #reserve} holds an
 * allocation: the step's own wish, cut to what the task has left (limit - settled - reserved); the agent runs with
 * that as its budget. When the agent ends, {@link #settle} replaces the hold with what it really spent (the agent's
 * own ledger, from the endpoints' usage figures), so unused allocation goes back. Agents running at once therefore
 * never hold more than the task's limit between them. Plain deterministic Java in workflow state, changed only from
 * recorded results: a replay rebuilds the same figures and an activity retry inside an agent is settled once, by
 * the agent. Settling or releasing an allocation twice changes nothing.
 */
public final class TaskLedger {
  /** What an agent run may spend; {@code tokensCut}/{@code costCut}: the task's remainder, not the wish, set it. */
  public record Allocation(int id, long tokens, BigDecimal cost, boolean tokensCut, boolean costCut) {}

  private record Hold(long tokens, BigDecimal cost) {}

  /** "No limit" for cost: far above any real spend, so sums stay exact decimals. */
  public static final BigDecimal NO_COST_LIMIT = new BigDecimal("1e12");

  private long maxTokens;
  private BigDecimal maxCost;
  private long tokensSettled;
  private BigDecimal costSettled = BigDecimal.ZERO;
  private long deadlineMillis;
  private final long wallClockMillis;
  private final Map<Integer, Hold> open = new LinkedHashMap<>();
  private final Set<Integer> closed = new TreeSet<>();
  private int nextId = 1;
  private int changes;
  private int raises;

  /** @param maxTokens Long.MAX_VALUE for no limit; @param maxCost null for no limit; deadline 0 for none */
  TaskLedger(long maxTokens, BigDecimal maxCost, long deadlineMillis, long wallClockMillis) {
    if (maxTokens <= 0 || maxCost != null && maxCost.signum() <= 0) {
      throw new IllegalArgumentException("task budget limits must be greater than 0");
    }
    this.maxTokens = maxTokens;
    this.maxCost = maxCost == null ? NO_COST_LIMIT : maxCost;
    this.deadlineMillis = deadlineMillis;
    this.wallClockMillis = wallClockMillis;
  }

  /**
   * The ledger of a task's budget: resumed from the figures an earlier run of the task carried over, or new, its wall
   * clock counted from {@code startMillis}; empty for a task without a task budget.
   */
  public static Optional<TaskLedger> forTask(Optional<TaskBudget> budget, Optional<TaskLedgerState> carried,
      long startMillis) {
    return budget.map(b -> carried.map(TaskLedger::resumed).orElseGet(() -> of(b, startMillis)));
  }

  /** A new ledger for {@code budget}, its wall clock counted from {@code startMillis}. */
  static TaskLedger of(TaskBudget budget, long startMillis) {
    return new TaskLedger(budget.maxTokens() > 0 ? budget.maxTokens() : Long.MAX_VALUE,
        RecordedCost.limit(budget.maxCost()).orElse(null),
        budget.wallClockMillis() > 0 ? startMillis + budget.wallClockMillis() : 0, budget.wallClockMillis());
  }

  static TaskLedger resumed(TaskLedgerState s) {
    TaskLedger l = new TaskLedger(s.maxTokens(), RecordedCost.limit(s.maxCost()).orElse(null), s.deadlineMillis(),
        s.wallClockMillis());
    l.tokensSettled = s.tokensSettled();
    l.costSettled = RecordedCost.amount(s.costSettled()).orElse(BigDecimal.ZERO);
    return l;
  }

  public TaskLedgerState state() {
    return new TaskLedgerState(maxTokens, maxCost.toPlainString(), tokensSettled, costSettled.toPlainString(), deadlineMillis,
        wallClockMillis);
  }

  /**
   * Holds an allocation of at most {@code wantTokens} and {@code wantCost}, cut to what the task has left. A
   * dimension without a task limit passes the wish through.
   *
   * @return the allocation; empty when the task has no tokens or no cost left to give
   */
  Optional<Allocation> reserve(long wantTokens, BigDecimal wantCost) {
    if (wantTokens <= 0 || wantCost.signum() <= 0) {
      throw new IllegalArgumentException("an agent step wants nothing: " + wantTokens + " tokens, cost " + wantCost);
    }
    long tokensLeft = tokensLeft();
    BigDecimal costLeft = costLeft();
    if (tokensLeft <= 0 || costLeft != null && costLeft.signum() <= 0) {
      return Optional.empty();
    }
    boolean costCut = costLeft != null && costLeft.compareTo(wantCost) < 0;
    BigDecimal cost = costCut ? costLeft : wantCost;
    // An agent prices its first call at 0 (it has seen no price yet), so a cost share alone would not stop it: once
    // the task has seen a price, the cost left also caps the tokens, which the agent does reserve before each call.
    long affordable = costLeft == null ? Long.MAX_VALUE : affordableTokens(costLeft);
    long tokensCap = Math.min(tokensLeft, affordable);
    if (tokensCap <= 0) {
      return Optional.empty();
    }
    boolean tokensCut = tokensCap < wantTokens;
    Allocation a = new Allocation(nextId++, tokensCut ? tokensCap : wantTokens, cost, tokensCut, costCut
        || affordable < wantTokens);
    open.put(a.id(), new Hold(a.tokens(), a.cost()));
    changes++;
    return Optional.of(a);
  }

  /**
   * Charges what the agent run under allocation {@code id} spent and frees the rest of its hold. The spend is
   * charged in full even where it passed the allocation (a model call's use is known only after it): it then
   * leaves the task less, never more.
   */
  void settle(int id, long tokens, BigDecimal cost) {
    if (tokens < 0 || cost.signum() < 0) {
      throw new IllegalArgumentException("spending cannot be negative: " + tokens + " tokens, cost " + cost);
    }
    if (closed.contains(id)) {
      return;
    }
    if (open.remove(id) == null) {
      throw new IllegalStateException("no allocation " + id + " to settle");
    }
    closed.add(id);
    changes++;
    tokensSettled = Tokens.saturatedAdd(tokensSettled, tokens);
    costSettled = costSettled.add(cost);
  }

  /** Frees an allocation whose agent spent nothing we know of (it failed). */
  void release(int id) {
    if (open.remove(id) != null) {
      closed.add(id);
      changes++;
    }
  }

  /**
   * An approval raised the task's limits: {@code tokens} > 0 and {@code cost} non-null are the new totals. A value
   * at or below the current limit leaves that limit as it is (a budget is only ever raised here).
   */
  void raise(long tokens, BigDecimal cost) {
    if (tokens > maxTokens) {
      maxTokens = tokens;
    }
    if (cost != null && cost.compareTo(maxCost) > 0) {
      maxCost = cost;
    }
    changes++;
    raises++;
  }

  /** Whether the task's wall clock has run out at {@code nowMillis}. */
  boolean pastDeadline(long nowMillis) {
    return deadlineMillis > 0 && nowMillis >= deadlineMillis;
  }

  /** An approval after the wall clock ran out grants the task another full wall-clock window from now. */
  void extendDeadline(long nowMillis) {
    if (deadlineMillis > 0) {
      deadlineMillis = nowMillis + wallClockMillis;
    }
  }

  /** Tokens neither spent nor held; Long.MAX_VALUE without a token limit. */
  long tokensLeft() {
    return maxTokens == Long.MAX_VALUE ? Long.MAX_VALUE
        : Math.max(0, maxTokens - tokensSettled - Math.min(tokensReserved(), maxTokens));
  }

  /** Cost neither spent nor held; null without a cost limit. */
  BigDecimal costLeft() {
    return maxCost.compareTo(NO_COST_LIMIT) == 0 ? null
        : maxCost.subtract(costSettled).subtract(costReserved()).max(BigDecimal.ZERO);
  }

  /** Counts approved raises, so steps waiting on an exhausted task budget see another step's raise. */
  int raises() {
    return raises;
  }

  /** The tokens {@code cost} buys at the price settled so far; Long.MAX_VALUE before any price is known. */
  private long affordableTokens(BigDecimal cost) {
    if (tokensSettled <= 0 || costSettled.signum() <= 0) {
      return Long.MAX_VALUE;
    }
    BigDecimal tokens = cost.multiply(BigDecimal.valueOf(tokensSettled)).divide(costSettled, 0,
        RoundingMode.DOWN);
    return tokens.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : tokens.longValue();
  }

  /** Whether agent runs hold allocations now (what they leave comes back when they settle). */
  boolean holding() {
    return !open.isEmpty();
  }

  /** Counts reservations, settlements and releases, for a workflow thread waiting for held shares to come back. */
  int changes() {
    return changes;
  }

  /** One line for humans: what is spent and held against which limits. */
  String describe() {
    return "tokens " + tokensSettled + " spent + " + tokensReserved() + " reserved of "
        + (maxTokens == Long.MAX_VALUE ? "no limit" : String.valueOf(maxTokens)) + ", cost "
        + costSettled.toPlainString() + " spent + " + costReserved().toPlainString() + " reserved of "
        + (maxCost.compareTo(NO_COST_LIMIT) == 0 ? "no limit" : maxCost.toPlainString());
  }

  /** The figures the task view shows; limits of 0 / null mean none. */
  public TaskBudgetStatus status() {
    return new TaskBudgetStatus(maxTokens == Long.MAX_VALUE ? 0 : maxTokens,
        maxCost.compareTo(NO_COST_LIMIT) == 0 ? null : maxCost.toPlainString(), tokensSettled,
        costSettled.toPlainString(), tokensReserved(), costReserved().toPlainString(), deadlineMillis);
  }

  private long tokensReserved() {
    return open.values().stream().mapToLong(Hold::tokens).reduce(0, Tokens::saturatedAdd);
  }

  private BigDecimal costReserved() {
    return open.values().stream().map(Hold::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public String toString() {
    return describe();
  }
}
