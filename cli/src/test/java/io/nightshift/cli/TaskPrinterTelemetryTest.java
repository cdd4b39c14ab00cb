package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepTelemetry;
import io.nightshift.api.v1.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TaskPrinterTelemetryTest {
  @Test
  void shouldPrintAFinishedStepsUnitTelemetryUnderItsLine() {
    StepTelemetry gpus = StepTelemetry.newBuilder().setSamples(12).setMeanUtilizationPercent(97.2)
        .setPeakUtilizationPercent(100).setPeakMemoryUsedBytes((long) (61.2 * (1L << 30))).setMeanPowerWatts(655.4)
        .setEnergyJoules(0.18 * 3.6e6).build();

    String text = print(Step.newBuilder().setName("dock").setTool("chem.dock").setSummary("docked").setTelemetry(gpus));

    // under the step's tool column, after its own line
    assertThat(text).contains("dock                 chem.dock              docked\n" + " ".repeat(34)
        + "units: util 97 % mean / 100 % peak, mem 61.2 GiB peak, 655 W mean, 0.18 kWh, 12 samples\n");
  }

  @Test
  void shouldLeaveOutWhatTheExecutorDidNotReadAndSayARunningStepsFiguresAreSoFar() {
    StepTelemetry neuron = StepTelemetry.newBuilder().setSamples(1).setMeanUtilizationPercent(40)
        .setPeakUtilizationPercent(90).setLive(true).build();

    assertThat(TelemetryLine.of(neuron)).isEqualTo("util 40 % mean / 90 % peak, 1 sample so far");
  }

  @Test
  void shouldGiveTheEnergyOfAShortStepInWattHours() {
    StepTelemetry brief = StepTelemetry.newBuilder().setSamples(2).setMeanPowerWatts(1400).setEnergyJoules(560)
        .build();

    assertThat(TelemetryLine.of(brief)).isEqualTo("1400 W mean, 0.16 Wh, 2 samples");
  }

  @Test
  void shouldPrintNoUnitsLineForAStepWithoutTelemetry() {
    assertThat(print(Step.newBuilder().setName("emit").setTool("text.emit"))).doesNotContain("units:");
  }

  private static String print(Step.Builder step) {
    StringWriter text = new StringWriter();
    TaskPrinter.detail(Task.newBuilder().setId("t").addSteps(step).build(), new PrintWriter(text, true));
    return text.toString();
  }
}
