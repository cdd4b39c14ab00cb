package io.nightshift.core.pipeline;

import io.nightshift.core.error.NightshiftException;
import java.util.List;
import java.util.stream.Collectors;

/** A pipeline that cannot run, with every problem found (not just the first). */
public final class InvalidPipelineException extends NightshiftException {
  private final List<PipelineProblem> problems;

  public InvalidPipelineException(List<PipelineProblem> problems) {
    super(problems.stream().map(PipelineProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<PipelineProblem> problems() {
    return problems;
  }
}
