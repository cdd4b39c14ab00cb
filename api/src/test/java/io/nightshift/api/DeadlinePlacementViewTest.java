package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.task.TaskWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cost policy with a deadline, through the runtime's placement and the API's task view: a slow, cheap pool and
 * a fast, dear one (4x the speed at 8x the price, so twice the cost per unit of work). A step declaring two hours of
 * work goes to the cheap pool when the deadline allows, and the view says what that saved; a deadline no pool can
 * meet is reported as unreachable, and the step goes where it finishes first.
 */
class DeadlinePlacementViewTest {
  @TempDir Path dir;
  private final AtomicLong deadline = new AtomicLong();
  private ToolStepsOnPools on;

  @BeforeEach
  void setUp() throws IOException {
    on = ToolStepsOnPools.start(List.of(pool("slow", 1.0, "1.0"), pool("fast", 4.0, "8.0")), this::plan,
        new Train(), dir);
  }

  @AfterEach
  void tearDown() {
    on.close();
  }

  @Test
  void shouldPlaceOnTheCheapPoolWhenTheDeadlineAllowsAndSayWhatItSaved() {
    deadline.set(on.env().currentTimeMillis() + Duration.ofHours(3).toMillis());

    Task view = run("roomy");

    Step train = view.getSteps(0);
    assertThat(train.getPool()).isEqualTo("slow");
    assertThat(train.getPlacement()).startsWith("cheapest that finishes by ");
    assertThat(view.getDeadline().getReachable()).isTrue();
    // the fast pool's price per unit of work is twice the slow one's: the saving equals what the step cost
    assertThat(train.getFastestCost()).isCloseTo(2 * train.getCost(), within(1e-12));
    assertThat(view.getPlacementSaving()).isCloseTo(train.getCost(), within(1e-12)).isPositive();
  }

  @Test
  void shouldReportADeadlineThatCannotBeMet() {
    deadline.set(on.env().currentTimeMillis() + Duration.ofMinutes(20).toMillis());

    Task view = run("tight");

    assertThat(view.getSteps(0).getPool()).isEqualTo("fast");
    assertThat(view.getDeadline().getReachable()).isFalse();
    assertThat(view.getDeadline().getDetail()).startsWith("train: deadline ").contains("cannot be met")
        .contains("on fast, 10 min late");
    assertThat(view.getPlacementSaving()).isZero();
  }

  private Task run(String id) {
    TaskWorkflow task = on.task(id);
    task.run(on.input(id));
    return TaskViews.fromProgress(task.progress()).build();
  }

  private Plan plan() {
    PlannedStep train = new PlannedStep("train", StepKind.TOOL, "train", Map.of(), List.of(), StepPolicy.DEFAULT,
        null, 0, null, new Requirements("nvidia_gpu", 1, 0, "", 0, Duration.ofHours(2).toSeconds()), null, false);
    return new Plan("p", 1, Map.of(), List.of(train), new PlacementSpec("cheapest", null, deadline.get()), null);
  }

  private static PoolConfig pool(String id, double speed, String price) {
    return new PoolConfig("simulated", id, Map.of("devices", "8", "price-per-unit-hour", price), speed, List.of(),
        List.of(), List.of());
  }

  /** Stands for two hours of training in a few milliseconds (the estimate is what placement reasons with). */
  private static final class Train implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("train", "trains", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        Thread.sleep(50);
        return new ToolOutput(context.artifacts().put("model".getBytes(StandardCharsets.UTF_8), "text/plain"),
            "trained");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.permanent("interrupted");
      } catch (IOException e) {
        throw ToolException.retryable("store", e);
      }
    }
  }
}
