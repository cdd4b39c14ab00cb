package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskBudgetUsage;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TaskPrinterBudgetTest {
  @Test
  void shouldPrintTheTaskBudgetLineWithLimitsSpentReservedAndDeadline() {
    Task t = Task.newBuilder().setId("t1").setBudget(TaskBudgetUsage.newBuilder().setMaxTokens(5_000)
        .setTokensSpent(1_200).setTokensReserved(300).setCostSpent("0.0012").setCostReserved("0")
        .setDeadline(Timestamp.newBuilder().setSeconds(1_800_000_000))).build();
    StringWriter text = new StringWriter();

    TaskPrinter.detail(t, new PrintWriter(text, true));

    assertThat(text.toString()).contains("  budget: tokens 1200 spent + 300 reserved of 5000; cost 0.0012 spent + 0"
        + " reserved of no limit; no new step after 2027-01-15T08:00:00Z without approval");
  }

  @Test
  void shouldPrintNoBudgetLineForATaskWithoutOne() {
    StringWriter text = new StringWriter();
    TaskPrinter.detail(Task.newBuilder().setId("t2").build(), new PrintWriter(text, true));
    assertThat(text.toString()).doesNotContain("budget");
  }
}
