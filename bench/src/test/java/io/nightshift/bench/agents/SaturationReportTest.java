package io.nightshift.bench.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SaturationReportTest {
  private static ArmFigures arm(String name, double... whole) {
    return new ArmFigures(name, List.of(whole[0], whole[1], whole[2]), List.of(19.9, 19.9, 19.9));
  }

  private static SaturationReport report(ArmFigures steps) {
    return new SaturationReport("bench", 20.0, "4 slots / 0.2 s", arm("direct", 16, 16.2, 16.4), steps,
        arm("workflows", 15, 15, 15), arm("direct + queue", 19.8, 19.8, 19.8));
  }

  @Test
  void shouldDecideTheTargetOnTheAgentStepsWholeRunMedianAgainstTrueCapacityNotOnSteadyOrTheDirectArm() {
    SaturationReport missed = report(arm("steps", 15.6, 18.8, 19.5)); // steady 19.9 and 1.16 x direct: still missed

    assertThat(missed.agentStepsWholeRunRatio()).isCloseTo(0.94, Offset.offset(1e-9));
    assertThat(missed.met()).isFalse();
    assertThat(missed.agentStepsToDirect()).isGreaterThan(1.1);
    assertThat(missed.lines()).anyMatch(l -> l.startsWith("TARGET") && l.endsWith("0.940 MISSED"));

    SaturationReport met = report(arm("steps", 18.0, 19.0, 19.2));
    assertThat(met.met()).isTrue();
    assertThat(met.lines()).anyMatch(l -> l.startsWith("TARGET") && l.endsWith("0.950 met"));
  }

  @Test
  void shouldPrintEveryArmWithItsSpreadAndItsRatioToTrueCapacity() {
    List<String> lines = report(arm("steps", 15.6, 18.8, 19.5)).lines();

    assertThat(lines.get(0)).isEqualTo("true capacity 20.000 calls/s (4 slots / 0.2 s)");
    assertThat(lines).anyMatch(l -> l.startsWith("direct ") && l.contains("16.20 (16.00-16.40, n=3) calls/s")
        && l.contains("= 0.810 (0.800-0.820, n=3) of true capacity"));
    assertThat(lines).anyMatch(l -> l.startsWith("direct + queue") && l.contains("= 0.990"));
  }
}
