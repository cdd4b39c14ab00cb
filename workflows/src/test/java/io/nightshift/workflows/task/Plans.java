package io.nightshift.workflows.task;

import static io.nightshift.workflows.task.TaskWorkflowTest.plan;
import static io.nightshift.workflows.task.TaskWorkflowTest.step;

import io.nightshift.core.pipeline.ChildPipeline;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Named test plans; the "pipeline text" of a test task is just one of these names. */
final class Plans {
  static final String DIAMOND = "diamond";
  static final String ONE_BAD_BRANCH = "one-bad-branch";
  static final String FLAKY = "flaky";
  static final String BLOCKING = "blocking";
  static final String PAUSABLE = "pausable";
  static final String TOLERANT = "tolerant";
  static final String FLAKY_TWO_ATTEMPTS = "flaky-two-attempts";
  static final String CHAIN = "chain";
  static final String MAP = "map";
  /** {@link #MAP} with a window of 50: two leaves of 25 at once, staggered (map-child-window version 3). */
  static final String MAP_WIDE = "map-wide";
  static final String WEEK = "week";
  static final String NESTED = "nested";
  static final String RESUMABLE = "resumable";

  /** Plans a test registers for itself, by name. */
  static final Map<String, Plan> extra = new ConcurrentHashMap<>();

  private Plans() {}

  static Plan parse(String name) {
    if (extra.containsKey(name)) {
      return extra.get(name);
    }
    return switch (name) {
      case DIAMOND -> plan(
          step("hello", "text.emit", Map.of("text", "hello ")),
          step("world", "text.emit", Map.of("text", "world")),
          step("joined", "text.concat", Map.of("a", "${steps.hello.output}", "b", "${steps.world.output}"),
              "hello", "world"),
          step("shout", "text.upper", Map.of("input", "${steps.joined.output}"), "joined"));
      case ONE_BAD_BRANCH -> plan(
          step("good", "text.emit", Map.of("text", "fine")),
          step("bad", "text.reject", Map.of("text", "nope")),
          step("after_bad", "text.upper", Map.of("input", "${steps.bad.output}"), "bad"));
      case FLAKY -> plan(step("flaky", "text.flaky", Map.of()));
      case RESUMABLE -> plan(step("long", "text.resumable", Map.of()));
      case BLOCKING -> plan(step("wait", "text.block", Map.of()),
          step("later", "text.upper", Map.of("input", "${steps.wait.output}"), "wait"));
      case PAUSABLE -> plan(step("first", "text.emit", Map.of("text", "a")),
          step("second", "text.upper", Map.of("input", "${steps.first.output}"), "first"));
      case TOLERANT -> plan(step("good", "text.emit", Map.of("text", "fine")),
          with(step("bad", "text.reject", Map.of("text", "nope")), policy(0, true)),
          step("after_bad", "text.upper", Map.of("input", "${steps.bad.output}"), "bad"));
      case FLAKY_TWO_ATTEMPTS -> plan(with(step("flaky", "text.flaky", Map.of()), policy(2, false)));
      case CHAIN -> chain(12);
      // 2,400 rows in chunks of 2: 1,200 chunks, more than a map leaf's 1,000, so the map runs as a tree
      case MAP -> doubling(20);
      case MAP_WIDE -> doubling(50);
      case WEEK -> week(7 * 24);
      case NESTED -> plan(step("before", "text.emit", Map.of("text", "x")),
          new PlannedStep("child", StepKind.PIPELINE, null, Map.of(), List.of("before"), StepPolicy.DEFAULT, null, 0,
              new ChildPipeline("diamond-pipeline", DIAMOND), null, null, false));
      default -> throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0, "no plan " + name)));
    };
  }

  private static PlannedStep with(PlannedStep s, StepPolicy p) {
    return new PlannedStep(s.name(), s.kind(), s.tool(), s.params(), s.needs(), p, s.map(), s.waitMillis(),
        s.pipeline(), s.requires(), s.agent(), s.approval());
  }

  private static StepPolicy policy(int maxAttempts, boolean continueOnError) {
    return new StepPolicy(maxAttempts, 10, 1.0, 10, List.of(), 0, 0, continueOnError);
  }

  private static Plan chain(int n) {
    List<PlannedStep> steps = new ArrayList<>();
    steps.add(step("s0", "text.emit", Map.of("text", "a")));
    for (int i = 1; i < n; i++) {
      steps.add(step("s" + i, "text.upper", Map.of("input", "${steps.s" + (i - 1) + ".output}"), "s" + (i - 1)));
    }
    return Plan.of("chain", 1, Map.of(), steps);
  }

  /** Every hour a durable timer, then a tool call: a task that spans {@code hours} of workflow time. */
  private static Plan week(int hours) {
    List<PlannedStep> steps = new ArrayList<>();
    steps.add(step("tick0", "text.emit", Map.of("text", "t")));
    for (int h = 1; h <= hours; h++) {
      steps.add(new PlannedStep("wait" + h, StepKind.WAIT, null, Map.of(), List.of("tick" + (h - 1)),
          StepPolicy.DEFAULT, null, 3_600_000L, null, null, null, false));
      steps.add(step("tick" + h, "text.upper", Map.of("input", "${steps.tick" + (h - 1) + ".output}"), "wait" + h,
          "tick" + (h - 1)));
    }
    return Plan.of("week", 1, Map.of(), steps);
  }

  /** 2,400 numbers doubled by a map step in chunks of 2 (1,200 chunks: more than a leaf's 1,000). */
  private static Plan doubling(int maxParallel) {
    return plan(step("numbers", "text.emit", Map.of("text", numbers(2400))),
        new PlannedStep("doubled", StepKind.MAP, "table.double", Map.of(), List.of("numbers"), StepPolicy.DEFAULT,
            new MapSettings("${steps.numbers.output}", 2, maxParallel, "input"), 0, null, null, null, false));
  }

  static String numbers(int n) {
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 1; i <= n; i++) {
      sb.append(i).append('\n');
    }
    return sb.toString();
  }

  static Map<String, StepStatus> byName(TaskProgress p) {
    return p.steps().stream().collect(Collectors.toMap(StepStatus::name, Function.identity()));
  }
}
