package io.nightshift.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The yardstick must be a fair one: every activity runs, and never more than the window at once. */
class BaselineWorkflowTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @ParameterizedTest
  @EnumSource(BaselineWorkflow.Shape.class)
  void shouldRunEveryActivityWithNoMoreThanTheWindowInFlight(BaselineWorkflow.Shape shape) {
    CountingActivities counting = new CountingActivities();
    var worker = env.newWorker(BaselineWorker.QUEUE);
    worker.registerWorkflowImplementationTypes(BaselineWorkflowImpl.class);
    worker.registerActivitiesImplementations(counting);
    env.start();
    BaselineWorkflow wf = env.getWorkflowClient().newWorkflowStub(BaselineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(BaselineWorker.QUEUE).build());

    int done = wf.run(new BaselineWorkflow.Input(300, 7, "artifact:none", 0, shape));

    assertThat(done).isEqualTo(300);
    assertThat(counting.calls.get()).isEqualTo(300);
    assertThat(counting.peak.get()).isBetween(2, 7);
  }

  private static final class CountingActivities implements BaselineActivities {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    @Override
    public String filter(String table) {
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      calls.incrementAndGet();
      inFlight.decrementAndGet();
      return table;
    }
  }
}
