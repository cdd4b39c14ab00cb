package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.ItemProgress;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskPrinterDurationTest {
  private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void shouldPrintHowLongAFinishedStepTookWithItsAttempts() {
    Step retried = Step.newBuilder().setName("dock").setTool("chem.dock").setSummary("docked").setAttempts(3)
        .setStartedAt(ts(START)).setEndedAt(ts(START.plusSeconds(65))).build();

    assertThat(print(retried)).contains("dock                 chem.dock              docked  (1m 05s, 3 attempts)\n");
  }

  @Test
  void shouldSayARunningMapStepsTimeSoFarAndItsItems() {
    Step map = Step.newBuilder().setName("score").setStartedAt(ts(START)).setAttempts(1)
        .setItems(ItemProgress.newBuilder().setTotal(100).setDone(40).setRunning(60)).build();

    assertThat(StepDuration.of(map, START.plusMillis(2_500))).isEqualTo("(running 2.5s, 40/100 items)");
    assertThat(StepDuration.of(map, START.plusSeconds(2 * 3600 + 7 * 60))).isEqualTo("(running 2h 07m, 40/100 items)");
  }

  @Test
  void shouldPrintNoTimeForAStepThatHasNotStarted() {
    assertThat(StepDuration.of(Step.newBuilder().setName("later").build(), START)).isEmpty();
    assertThat(print(Step.newBuilder().setName("later").setTool("text.emit").build())).doesNotContain("(");
  }

  private static String print(Step step) {
    StringWriter text = new StringWriter();
    TaskPrinter.detail(Task.newBuilder().setId("t").addSteps(step).build(), new PrintWriter(text, true));
    return text.toString();
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
