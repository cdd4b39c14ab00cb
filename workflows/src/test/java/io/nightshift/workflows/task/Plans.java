package io.nightshift.workflows.task;

import static io.nightshift.workflows.task.TaskWorkflowTest.plan;
import static io.nightshift.workflows.task.TaskWorkflowTest.step;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Named test plans; the "pipeline text" of a test task is just one of these names. */
final class Plans {
  static final String DIAMOND = "diamond";
  static final String ONE_BAD_BRANCH = "one-bad-branch";
  static final String FLAKY = "flaky";
  static final String BLOCKING = "blocking";

  private Plans() {}

  static Plan parse(String name) {
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
      case BLOCKING -> plan(step("wait", "text.block", Map.of()),
          step("later", "text.upper", Map.of("input", "${steps.wait.output}"), "wait"));
      default -> throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0, "no plan " + name)));
    };
  }

  static Map<String, StepStatus> byName(TaskProgress p) {
    return p.steps().stream().collect(Collectors.toMap(StepStatus::name, Function.identity()));
  }
}
