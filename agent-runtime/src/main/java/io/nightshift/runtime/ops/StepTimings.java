package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nightshift.workflows.activities.StepInput;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times every activity a worker runs: tool steps, planning, model turns, agent tool calls, pool holds. The label
 * {@code kind} is the activity type and {@code tool} the step's tool where it is a tool step (a name from the tool
 * registry, never the model's free text), else {@code none}.
 */
public final class StepTimings extends WorkerInterceptorBase {
  /**
   * From a quick tool call to a step of hours: 13 buckets rather than Micrometer's 69 for a percentile histogram,
   * which stops at 30 s.
   */
  private static final Duration[] BUCKETS = Stream.of(0.05, 0.25, 1.0, 5.0, 15.0, 60.0, 300.0, 900.0, 1800.0,
      3600.0, 7200.0, 14400.0, 43200.0).map(s -> Duration.ofMillis((long) (s * 1000))).toArray(Duration[]::new);

  private final MeterRegistry registry;
  /**
   * The timer of each label set, built once: a builder with its buckets, registered anew on every activity, was 1 %
   * of the worker's CPU samples under a map of single-item chunks. Label sets are bounded (activity types x tool
   * names x two outcomes).
   */
  private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

  public StepTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new Timed(next);
  }

  private final class Timed extends ActivityInboundCallsInterceptorBase {
    private String kind = "unknown";

    Timed(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      kind = context.getInfo().getActivityType();
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      String tool = input.getArguments().length > 0 && input.getArguments()[0] instanceof StepInput step
          ? step.tool() : "none";
      long started = System.nanoTime();
      String outcome = "failure";
      try {
        ActivityOutput output = super.execute(input);
        outcome = "success";
        return output;
      } finally {
        timers.computeIfAbsent(new Labels(kind, tool, outcome), StepTimings.this::timer)
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      }
    }
  }

  private Timer timer(Labels labels) {
    return Timer.builder(MetricNames.STEP_DURATION).description("time an activity ran, by kind and tool")
        .tags("kind", labels.kind(), "tool", labels.tool(), "outcome", labels.outcome())
        .serviceLevelObjectives(BUCKETS).register(registry);
  }

  private record Labels(String kind, String tool, String outcome) {}
}
