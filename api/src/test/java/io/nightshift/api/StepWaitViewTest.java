package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.runtime.backends.PoolConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that waits at its pool for units the other step holds shows why in the task view, from the heartbeat its
 * call sends while it waits; once it runs, the line is gone. Temporal's test server, the runtime's fleet, gate and
 * pool worker, the API's task reader.
 */
class StepWaitViewTest {
  @TempDir Path dir;
  private final HeldUntilReleased tool = new HeldUntilReleased();

  @Test
  void shouldShowWhichPoolAStepWaitsAtAndHowManyAreAhead() throws Exception {
    try (ToolStepsOnPools on = ToolStepsOnPools.start(List.of(new PoolConfig("simulated", "gpus",
        Map.of("devices", "8"), 1.0, List.of(), List.of(), List.of())), StepWaitViewTest::plan, tool, dir)) {
      on.startTask("waits");

      Step waiting = on.awaitStep("waits", s -> !s.getWaiting().isEmpty(), "that it waits");

      assertThat(waiting.getWaiting()).isEqualTo("waiting for 8 nvidia_gpu on pool gpus, 0 ahead (8 of 8 held)");
      tool.release();
      on.awaitEnd("waits");
      assertThat(on.reader().get("waits", TenantScope.everyTenant()).getStepsList())
          .allSatisfy(s -> assertThat(s.getWaiting()).isEmpty());
    } finally {
      tool.release();
    }
  }

  private static Plan plan() {
    return new Plan("p", 1, Map.of(), List.of(step("first"), step("second")), PlacementSpec.DEFAULT, null);
  }

  private static PlannedStep step(String name) {
    return new PlannedStep(name, StepKind.TOOL, "block", Map.of(), List.of(), StepPolicy.DEFAULT, null, 0, null,
        new Requirements("nvidia_gpu", 8, 0, "", 0, 0), null, false);
  }
}
