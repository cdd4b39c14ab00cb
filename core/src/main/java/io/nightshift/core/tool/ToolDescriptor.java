package io.nightshift.core.tool;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a tool is called, what it does and which parameters it takes. Planners validate steps against this, so a
 * missing required parameter is reported at submission, not when the step runs.
 */
public record ToolDescriptor(String name, String description, List<ToolParam> params) {
  /** What a tool name is: dotted lower-case words. */
  public static final String NAME_PATTERN = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*";

  public ToolDescriptor {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("tool name must be dotted lower-case words, was " + name);
    }
    params = List.copyOf(params);
  }

  public Optional<ToolParam> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /**
   * Why a call may not pass {@code keys}: the ones this tool does not declare, named with the tool and what it does
   * take; empty when it takes them all. Every path that hands a tool its arguments (a pipeline's params, a model's
   * plan, an agent's tool call) refuses an unknown key with these words rather than passing it on, so a task can
   * never reach a setting the tool does not offer.
   */
  public Optional<String> unknownParams(Collection<String> keys) {
    List<String> unknown = keys.stream().filter(k -> param(k).isEmpty()).map(k -> "'" + k + "'").toList();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("tool '" + name + "' has no parameter" + (unknown.size() > 1 ? "s " : " ")
        + String.join(", ", unknown) + "; it takes: "
        + (params.isEmpty() ? "none" : String.join(", ", params.stream().map(ToolParam::name).toList())));
  }
}
