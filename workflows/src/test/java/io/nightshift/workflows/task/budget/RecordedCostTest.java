package io.nightshift.workflows.task.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordedCostTest {
  @Test
  void shouldReadWhatTheEdgesAdmitAndWhatTheWorkflowWritesExactly() {
    assertThat(RecordedCost.limit("0.50").orElseThrow().toPlainString()).isEqualTo("0.50");
    assertThat(RecordedCost.limit("9999999999.99999999").orElseThrow().toPlainString())
        .isEqualTo("9999999999.99999999");
    // the ledger's own figures (toPlainString of sums and shares) may carry more decimals than an edge admits
    assertThat(RecordedCost.amount("0.000123456789012").orElseThrow().toPlainString()).isEqualTo("0.000123456789012");
    // what the old submit check (new BigDecimal(...) > 0) let through still reads as it did, within the bounds
    assertThat(RecordedCost.limit("1e3").orElseThrow()).isEqualByComparingTo("1000");
  }

  @Test
  void shouldNeverThrowAndLeaveOutWhatItCannotRead() {
    for (String text : Arrays.asList(null, "", "  ", "1d", "Infinity", "NaN", "0x1p3", "a lot")) {
      assertThatCode(() -> RecordedCost.amount(text)).as(String.valueOf(text)).doesNotThrowAnyException();
      assertThat(RecordedCost.amount(text)).as(String.valueOf(text)).isEmpty();
    }
    assertThat(RecordedCost.limit("0")).isEmpty();
    assertThat(RecordedCost.limit("-1")).isEmpty();
    assertThat(RecordedCost.amount("-1").orElseThrow()).isEqualByComparingTo("-1");
  }

  @Test
  void shouldBoundHugeAndTinyExponentsSoArithmeticOnThemStaysCheap() {
    assertThat(RecordedCost.limit("1e999999999")).contains(RecordedCost.LARGEST);
    assertThat(RecordedCost.limit("1e-999999999")).contains(RecordedCost.SMALLEST);
    assertThat(RecordedCost.amount("-1e999999999")).contains(RecordedCost.LARGEST.negate());
    assertThat(RecordedCost.limit("0." + "0".repeat(20) + "1" + "9".repeat(20)).orElseThrow().scale()).isEqualTo(30);
  }

  @Test
  void shouldKeepATaskLedgerWithAnAbsurdRecordedLimitFast() {
    // the old submit check admitted this; the ledger then spent seconds of workflow CPU on every reserve and settle
    TaskLedger ledger = TaskLedger.of(new TaskBudget(0, "1e999999999", 0), 0);

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (int i = 0; i < 100; i++) {
        TaskLedger.Allocation a = ledger.reserve(10, new BigDecimal("0.5")).orElseThrow();
        ledger.settle(a.id(), 10, new BigDecimal("0.25"));
      }
    });
    assertThat(ledger.costLeft()).isEqualByComparingTo(RecordedCost.LARGEST.subtract(new BigDecimal("25")));
    assertThat(ledger.state().maxCost()).hasSizeLessThan(30); // carried over continue-as-new as text
  }
}
