package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every activity is timed under its kind and outcome, into one timer per label set however many run. */
class StepTimingsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance(TestEnvironmentOptions
      .newBuilder().setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
          .setWorkerInterceptors(new StepTimings(registry)).build()).build());

  @ActivityInterface
  public interface Probe {
    String echo(String text);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void shouldCountEachOutcomeOfEachKindInOneTimerWithTheSlosBuckets() {
    env.registerActivitiesImplementations((Probe) text -> {
      if (text.equals("fail")) {
        throw new IllegalStateException("refused");
      }
      return text;
    });
    Probe probe = env.newActivityStub(Probe.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    for (int i = 0; i < 3; i++) {
      assertThat(probe.echo("ok")).isEqualTo("ok");
    }
    assertThatThrownBy(() -> probe.echo("fail")).hasStackTraceContaining("refused");

    assertThat(registry.find(MetricNames.STEP_DURATION).timers()).hasSize(2);
    Timer success = registry.get(MetricNames.STEP_DURATION)
        .tags("kind", "Echo", "tool", "none", "outcome", "success").timer();
    Timer failure = registry.get(MetricNames.STEP_DURATION).tags("outcome", "failure").timer();
    assertThat(success.count()).isEqualTo(3);
    assertThat(failure.count()).isEqualTo(1);
    assertThat(success.takeSnapshot().histogramCounts()).hasSize(13);
  }
}
