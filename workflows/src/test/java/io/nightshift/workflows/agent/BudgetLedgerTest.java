package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {
  private static final BigDecimal NO_COST = BigDecimal.ZERO;

  @Test
  void shouldRefuseAReservationThatWouldPassTheTokenLimit() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(1_000));
    assertThat(ledger.reserve("a", 600, NO_COST)).isEmpty();

    assertThat(ledger.reserve("b", 500, NO_COST)).get().asString()
        .contains("token budget").contains("600 reserved").contains("500 for the next call").contains("1000");
    assertThat(ledger.status().tokensReserved()).isEqualTo(600);
  }

  @Test
  void shouldChargeWhatWasUsedNotWhatWasReserved() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(1_000));
    ledger.reserve("a", 900, NO_COST);
    ledger.settle("a", 120, new BigDecimal("0.01"), true);

    assertThat(ledger.tokensSpent()).isEqualTo(120);
    assertThat(ledger.costSpent()).isEqualByComparingTo("0.01");
    assertThat(ledger.status().tokensReserved()).isZero();
    assertThat(ledger.reserve("b", 880, NO_COST)).isEmpty();
  }

  @Test
  void shouldCountASettlementOnceWhenRepeated() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(1_000));
    ledger.reserve("a", 100, NO_COST);
    ledger.settle("a", 80, NO_COST, true);
    ledger.settle("a", 80, NO_COST, true);
    assertThat(ledger.reserve("a", 100, NO_COST)).as("a settled id is not reserved again").isEmpty();

    assertThat(ledger.tokensSpent()).isEqualTo(80);
    assertThat(ledger.status().tokensReserved()).isZero();
  }

  @Test
  void shouldChargeTheReservationWhenTheEndpointReportsNoUsage() {
    BudgetLedger ledger = new BudgetLedger(new AgentBudget(1_000, new BigDecimal("1"), Long.MAX_VALUE));
    ledger.reserve("a", 300, new BigDecimal("0.25"));
    ledger.settle("a", 0, NO_COST, false);

    assertThat(ledger.tokensSpent()).isEqualTo(300);
    assertThat(ledger.costSpent()).isEqualByComparingTo("0.25");
    assertThat(ledger.status().unreportedCalls()).isEqualTo(1);
  }

  @Test
  void shouldRefuseOnCostWhenTokensStillFit() {
    BudgetLedger ledger = new BudgetLedger(new AgentBudget(1_000_000, new BigDecimal("0.10"), Long.MAX_VALUE));
    ledger.reserve("a", 10, new BigDecimal("0.04"));
    ledger.settle("a", 10, new BigDecimal("0.08"), true);

    assertThat(ledger.reserve("b", 10, new BigDecimal("0.03"))).get().asString().startsWith("cost budget");
  }

  @Test
  void shouldFreeAReleasedReservation() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(100));
    ledger.reserve("a", 100, NO_COST);
    assertThat(ledger.reserve("b", 1, NO_COST)).isPresent();
    ledger.release("a");

    assertThat(ledger.reserve("b", 100, NO_COST)).isEmpty();
    assertThat(ledger.tokensSpent()).isZero();
  }

  @Test
  void shouldBeExhaustedOnceSpendingReachesTheLimitEvenIfACallOverran() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(100));
    ledger.reserve("a", 50, NO_COST);
    ledger.settle("a", 140, NO_COST, true);

    assertThat(ledger.exhausted()).isTrue();
    assertThat(ledger.reserve("b", 0, NO_COST)).isPresent();
  }

  @Test
  void shouldRejectSettlingAnUnknownReservationAndNonPositiveBudgets() {
    BudgetLedger ledger = new BudgetLedger(AgentBudget.ofTokens(100));
    assertThatThrownBy(() -> ledger.settle("never", 1, NO_COST, true)).hasMessageContaining("'never'");
    assertThatThrownBy(() -> AgentBudget.ofTokens(0)).hasMessageContaining("maxTokens must be greater than 0");
    assertThatThrownBy(() -> new AgentBudget(10, new BigDecimal("-1"), 10)).hasMessageContaining("maxCost");
    assertThatThrownBy(() -> new AgentBudget(10, BigDecimal.ONE, 0)).hasMessageContaining("maxWallClockMillis");
  }
}
