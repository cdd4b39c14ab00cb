package io.nightshift.bench.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's capacity arm against the scripted endpoint: capacity C at a fixed latency caps what it measures. */
class DirectLoadTest {
  @TempDir Path dir;

  @Test
  void shouldMeasureAtMostTheScriptedEndpointsCapacityAndNearItWithOneClientPerSlot() throws Exception {
    try (BenchEndpoint endpoint = BenchEndpoint.scripted(2, Duration.ofMillis(100))) {
      Path models = Files.writeString(dir.resolve("models.yaml"), endpoint.modelsYaml());
      AgentShape shape = AgentShape.oneShortAnswer();
      double nominal = 2 / 0.1;

      Throughput perSlot = DirectLoad.run(endpoint.configs(models).get(0), 2, 40, shape);
      // more clients than slots: the rest queue at the server, so no more calls finish per second
      Throughput crowded = DirectLoad.run(endpoint.configs(models).get(0), 6, 40, shape);

      assertThat(perSlot.steady()).isBetween(0.4 * nominal, 1.05 * nominal);
      assertThat(crowded.wholeRun()).isLessThanOrEqualTo(1.05 * nominal);
    }
  }

  @Test
  void shouldTakeTheSteadyRateFromTheMiddleOfTheCompletions() {
    // 11 completions: a slow ramp to the first, then one every 100 ms
    List<Long> done = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      done.add(5_000_000_000L + i * 100_000_000L);
    }
    Throughput t = Throughput.of(0, done);
    assertThat(t.steady()).isCloseTo(10.0, Offset.offset(1e-9));
    assertThat(t.wholeRun()).isCloseTo(11 / 6.0, Offset.offset(1e-9));
  }
}
