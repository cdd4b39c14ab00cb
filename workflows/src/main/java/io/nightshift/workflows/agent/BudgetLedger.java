package io.nightshift.workflows.agent;

import io.nightshift.workflows.engine.Tokens;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reserve-then-settle ledger of tokens and cost. Before a model call the workflow reserves what the call may
 * use; the call is refused when the reservation does not fit. After the call the reservation is settled with
 * what the endpoint reported. Plain deterministic Java kept in workflow state, so a replay rebuilds the same
 * figures; every operation is keyed by a reservation id and idempotent (a second settle of the same id changes
 * nothing), so the same call can never be counted twice.
 */
public final class BudgetLedger {
  private record Hold(long tokens, BigDecimal cost) {}

  private final AgentBudget budget;
  private final Map<String, Hold> open = new LinkedHashMap<>();
  private final Set<String> closed = new TreeSet<>();
  private long tokensSpent;
  private BigDecimal costSpent = BigDecimal.ZERO;
  private int unreportedCalls;

  public BudgetLedger(AgentBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** A ledger that goes on from what an earlier run spent (continue-as-new, resumption after a stop). */
  public static BudgetLedger resumed(AgentBudget budget, long tokensSpent, BigDecimal costSpent, int unreportedCalls) {
    BudgetLedger ledger = new BudgetLedger(budget);
    ledger.tokensSpent = tokensSpent;
    ledger.costSpent = costSpent;
    ledger.unreportedCalls = unreportedCalls;
    return ledger;
  }

  /**
   * Holds {@code tokens} and {@code cost} for call {@code id}.
   *
   * @return empty when held (or already held or settled under this id); otherwise why it does not fit
   */
  public Optional<String> reserve(String id, long tokens, BigDecimal cost) {
    if (tokens < 0 || cost.signum() < 0) {
      throw new IllegalArgumentException("a reservation cannot be negative: " + tokens + " tokens, cost " + cost);
    }
    if (open.containsKey(id) || closed.contains(id)) {
      return Optional.empty();
    }
    long tokensAfter = Tokens.saturatedAdd(Tokens.saturatedAdd(tokensSpent, tokensReserved()), tokens);
    if (tokensAfter > budget.maxTokens()) {
      return Optional.of("token budget: " + tokensSpent + " spent + " + tokensReserved() + " reserved + "
          + tokens + " for the next call > " + budget.maxTokens());
    }
    BigDecimal costAfter = costSpent.add(costReserved()).add(cost);
    if (costAfter.compareTo(budget.maxCost()) > 0) {
      return Optional.of("cost budget: " + costSpent.toPlainString() + " spent + " + costReserved().toPlainString()
          + " reserved + " + cost.toPlainString() + " for the next call > " + budget.maxCost().toPlainString());
    }
    open.put(id, new Hold(tokens, cost));
    return Optional.empty();
  }

  /**
   * Replaces the hold of {@code id} with what the call really used. When the endpoint reported no usage the
   * reservation itself is charged: an unknown spend must not look free.
   */
  public void settle(String id, long tokens, BigDecimal cost, boolean reported) {
    if (closed.contains(id)) {
      return;
    }
    Hold hold = open.remove(id);
    if (hold == null) {
      throw new IllegalStateException("no reservation '" + id + "' to settle");
    }
    closed.add(id);
    if (reported) {
      tokensSpent = Tokens.saturatedAdd(tokensSpent, tokens);
      costSpent = costSpent.add(cost);
    } else {
      unreportedCalls++;
      tokensSpent = Tokens.saturatedAdd(tokensSpent, hold.tokens());
      costSpent = costSpent.add(hold.cost());
    }
  }

  /** Drops the hold of a call that did not happen (it failed before the endpoint did any work we are told of). */
  public void release(String id) {
    if (open.remove(id) != null) {
      closed.add(id);
    }
  }

  /** True once spending alone has reached a limit: no further call can be reserved. */
  public boolean exhausted() {
    return tokensSpent >= budget.maxTokens() || costSpent.compareTo(budget.maxCost()) >= 0;
  }

  public long tokensSpent() {
    return tokensSpent;
  }

  public BigDecimal costSpent() {
    return costSpent;
  }

  public BudgetStatus status() {
    return new BudgetStatus(tokensSpent, costSpent, tokensReserved(), costReserved(), budget.maxTokens(),
        budget.maxCost(), unreportedCalls);
  }

  private long tokensReserved() {
    return open.values().stream().mapToLong(Hold::tokens).reduce(0, Tokens::saturatedAdd);
  }

  private BigDecimal costReserved() {
    return open.values().stream().map(Hold::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
