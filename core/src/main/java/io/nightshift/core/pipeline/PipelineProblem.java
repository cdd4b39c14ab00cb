package io.nightshift.core.pipeline;

/**
 * One thing wrong with a pipeline, precise enough to fix: which step, which field, what is wrong.
 *
 * @param step    the step name, or null for pipeline-level problems
 * @param field   the field (e.g. {@code needs}, {@code params.path}, {@code tool}), or null
 * @param line    1-based source line, 0 when unknown
 * @param message what is wrong and, where possible, what to do
 */
public record PipelineProblem(String step, String field, int line, String message) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (step != null) {
      sb.append("step '").append(step).append("'");
    } else {
      sb.append("pipeline");
    }
    if (field != null) {
      sb.append(" field '").append(field).append("'");
    }
    if (line > 0) {
      sb.append(" (line ").append(line).append(")");
    }
    return sb.append(": ").append(message).toString();
  }
}
