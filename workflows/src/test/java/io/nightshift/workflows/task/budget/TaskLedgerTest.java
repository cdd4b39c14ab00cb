package io.nightshift.workflows.task.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaskLedgerTest {
  private static final BigDecimal NO_WISH = new BigDecimal("1e12");

  @Test
  void shouldCutAllocationsToWhatTheTaskHasLeftSoHoldsNeverPassTheLimit() {
    TaskLedger ledger = new TaskLedger(1_000, null, 0, 0);

    TaskLedger.Allocation a = ledger.reserve(600, NO_WISH).orElseThrow();
    TaskLedger.Allocation b = ledger.reserve(600, NO_WISH).orElseThrow();

    assertThat(a.tokens()).isEqualTo(600);
    assertThat(a.tokensCut()).isFalse();
    assertThat(b.tokens()).isEqualTo(400);
    assertThat(b.tokensCut()).isTrue();
    assertThat(b.costCut()).isFalse();
    assertThat(ledger.reserve(1, NO_WISH)).isEmpty();
    assertThat(ledger.status().tokensReserved()).isEqualTo(1_000);
    assertThat(ledger.holding()).isTrue();
  }

  @Test
  void shouldSettleWhatWasSpentAndGiveTheUnusedHoldBack() {
    TaskLedger ledger = new TaskLedger(1_000, new BigDecimal("0.50"), 0, 0);
    TaskLedger.Allocation a = ledger.reserve(800, new BigDecimal("0.40")).orElseThrow();

    ledger.settle(a.id(), 300, new BigDecimal("0.10"));

    TaskBudgetStatus s = ledger.status();
    assertThat(s.tokensSpent()).isEqualTo(300);
    assertThat(s.costSpent()).isEqualTo("0.10");
    assertThat(s.tokensReserved()).isZero();
    assertThat(s.costReserved()).isEqualTo("0");
    assertThat(ledger.tokensLeft()).isEqualTo(700);
    assertThat(ledger.costLeft()).isEqualByComparingTo("0.40");
    assertThat(ledger.holding()).isFalse();
  }

  @Test
  void shouldCountASettlementOnceHoweverOftenItIsRepeated() {
    TaskLedger ledger = new TaskLedger(1_000, null, 0, 0);
    TaskLedger.Allocation a = ledger.reserve(500, NO_WISH).orElseThrow();

    ledger.settle(a.id(), 200, BigDecimal.ONE);
    ledger.settle(a.id(), 200, BigDecimal.ONE);
    ledger.release(a.id());

    assertThat(ledger.status().tokensSpent()).isEqualTo(200);
    assertThat(ledger.status().costSpent()).isEqualTo("1");
    assertThatThrownBy(() -> ledger.settle(99, 1, BigDecimal.ZERO)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldReleaseAFailedRunsHoldWithoutCharging() {
    TaskLedger ledger = new TaskLedger(100, null, 0, 0);
    TaskLedger.Allocation a = ledger.reserve(100, NO_WISH).orElseThrow();
    int before = ledger.changes();

    ledger.release(a.id());

    assertThat(ledger.status().tokensSpent()).isZero();
    assertThat(ledger.tokensLeft()).isEqualTo(100);
    assertThat(ledger.changes()).isGreaterThan(before);
  }

  @Test
  void shouldCutOnCostAndRefuseOnceCostIsSpentEvenWithTokensLeft() {
    TaskLedger ledger = new TaskLedger(Long.MAX_VALUE, new BigDecimal("0.001"), 0, 0);
    TaskLedger.Allocation a = ledger.reserve(Long.MAX_VALUE, NO_WISH).orElseThrow();

    assertThat(a.costCut()).isTrue();
    assertThat(a.tokensCut()).isFalse();
    assertThat(a.cost()).isEqualByComparingTo("0.001");
    ledger.settle(a.id(), 10_000, new BigDecimal("0.0012")); // a call's use is known only after it: charged in full
    assertThat(ledger.costLeft()).isEqualByComparingTo("0");
    assertThat(ledger.reserve(1, BigDecimal.ONE)).isEmpty();
    assertThat(ledger.status().costSpent()).isEqualTo("0.0012");
  }

  @Test
  void shouldCapTokensByTheCostLeftOnceAPriceIsKnown() {
    TaskLedger ledger = new TaskLedger(Long.MAX_VALUE, new BigDecimal("0.0008"), 0, 0);
    TaskLedger.Allocation first = ledger.reserve(Long.MAX_VALUE, NO_WISH).orElseThrow();
    assertThat(first.tokens()).isEqualTo(Long.MAX_VALUE); // no price seen yet
    ledger.settle(first.id(), 600, new BigDecimal("0.0006"));

    TaskLedger.Allocation second = ledger.reserve(Long.MAX_VALUE, NO_WISH).orElseThrow();

    assertThat(second.tokens()).isEqualTo(200); // 0.0002 left at 0.000001 per token
    assertThat(second.tokensCut()).isTrue();
    assertThat(second.costCut()).isTrue();
    assertThat(second.cost()).isEqualByComparingTo("0.0002");
  }

  @Test
  void shouldOnlyRaiseLimitsAndLetAnApprovalUnblockTheTask() {
    TaskLedger ledger = new TaskLedger(100, new BigDecimal("1"), 0, 0);
    ledger.settle(ledger.reserve(100, NO_WISH).orElseThrow().id(), 100, new BigDecimal("0.2"));
    assertThat(ledger.reserve(1, NO_WISH)).isEmpty();

    ledger.raise(50, new BigDecimal("0.5")); // lower than now: kept
    assertThat(ledger.status().maxTokens()).isEqualTo(100);
    assertThat(ledger.status().maxCost()).isEqualTo("1");
    ledger.raise(250, null);

    TaskLedger.Allocation next = ledger.reserve(1_000, NO_WISH).orElseThrow();
    assertThat(next.tokens()).isEqualTo(150);
    assertThat(ledger.status().maxTokens()).isEqualTo(250);
  }

  @Test
  void shouldPassWishesThroughWithoutALimitAndShowNoLimitAsZeroOrNull() {
    TaskLedger ledger = TaskLedger.of(new TaskBudget(0, null, 0), 1_000);
    TaskLedger.Allocation a = ledger.reserve(123, new BigDecimal("0.7")).orElseThrow();
    TaskLedger.Allocation b = ledger.reserve(Long.MAX_VALUE, NO_WISH).orElseThrow();

    assertThat(a.tokens()).isEqualTo(123);
    assertThat(b.tokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(b.cost()).isEqualByComparingTo(NO_WISH);
    assertThat(ledger.status().maxTokens()).isZero();
    assertThat(ledger.status().maxCost()).isNull();
    assertThat(ledger.pastDeadline(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void shouldRunOutOfWallClockAndGrantAFullWindowOnExtension() {
    TaskLedger ledger = TaskLedger.of(new TaskBudget(0, null, 60_000), 1_000);

    assertThat(ledger.pastDeadline(60_999)).isFalse();
    assertThat(ledger.pastDeadline(61_000)).isTrue();
    ledger.extendDeadline(100_000);
    assertThat(ledger.pastDeadline(159_999)).isFalse();
    assertThat(ledger.status().deadlineMillis()).isEqualTo(160_000);
  }

  @Test
  void shouldCarryLimitsAndSpendingOverContinueAsNew() {
    TaskLedger ledger = TaskLedger.of(new TaskBudget(1_000, "0.5", 60_000), 0);
    ledger.settle(ledger.reserve(400, NO_WISH).orElseThrow().id(), 300, new BigDecimal("0.125"));
    ledger.raise(2_000, null);

    TaskLedger next = TaskLedger.resumed(ledger.state());

    assertThat(next.status()).isEqualTo(ledger.status());
    assertThat(next.tokensLeft()).isEqualTo(1_700);
    // 0.375 left at the 0.125 / 300 tokens seen so far buys 900 of the 1,700 tokens left
    assertThat(next.reserve(5_000, NO_WISH).orElseThrow().tokens()).isEqualTo(900);
  }

  @Test
  void shouldRefuseEmptyWishesAndNegativeSpending() {
    TaskLedger ledger = new TaskLedger(10, null, 0, 0);
    assertThatThrownBy(() -> ledger.reserve(0, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    TaskLedger.Allocation a = ledger.reserve(5, BigDecimal.ONE).orElseThrow();
    assertThatThrownBy(() -> ledger.settle(a.id(), -1, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TaskBudget(-1, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TaskBudget(0, "0", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
