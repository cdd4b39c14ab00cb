package io.nightshift.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.bench.engine.MedianInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapOverheadBenchTest {
  private static PerItemComparison.Figures figures(MedianInterval ratio, List<Double> ns, List<Double> base) {
    return new PerItemComparison.Figures(10_000, ns, base, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), 3_300,
        "peritem-ns-1/noop/0-1000 (MapWorkflow)", 4_230, ratio);
  }

  @Test
  void shouldMeetTheTargetOnlyWhenTheMedianAndTheIntervalsUpperEndBothHold() {
    List<Double> ns = List.of(33.0, 34.0, 35.0);
    List<Double> base = List.of(30.0, 31.0, 32.0);

    assertThat(MapOverheadBench.report(figures(new MedianInterval(1.08, 1.02, 1.15, 7, 10_000), ns, base)))
        .contains("overall met").doesNotContain("MISSED");
    assertThat(MapOverheadBench.report(figures(new MedianInterval(1.08, 1.02, 1.25, 7, 10_000), ns, base)))
        .contains("interval upper end 1.250 <= 1.2: MISSED").contains("overall MISSED");
    assertThat(MapOverheadBench.report(figures(new MedianInterval(1.12, 1.05, 1.18, 7, 10_000), ns, base)))
        .contains("median 1.120 <= 1.1: MISSED").contains("overall MISSED");
  }

  @Test
  void shouldPrintBothArmsItemRatesAndTheirRatio() {
    String report = MapOverheadBench.report(figures(new MedianInterval(1.1, 1.0, 1.2, 7, 10_000),
        List.of(40.0), List.of(20.0)));

    assertThat(report).contains("nightshift 250, baseline 500 (medians); baseline/nightshift 2.000 (target <= 1.2:"
        + " MISSED)").contains("longest history     nightshift 3,300 events");
  }

  @Test
  void shouldSayASmokeRunIsNotTheMeasurement() {
    PerItemComparison.Figures smoke = new PerItemComparison.Figures(500, List.of(3.0), List.of(2.9), List.of(1.03),
        700, "x", 900, new MedianInterval(1.03, 1.03, 1.03, 1, 10_000));

    assertThat(MapOverheadBench.report(smoke)).endsWith("(fewer than 7 runs: a smoke run, not the measurement)");
  }
}
