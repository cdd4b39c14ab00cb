package io.nightshift.core.tool;

import java.util.List;
import java.util.Optional;

/**
 * What a tool is called, what it does and which parameters it takes. Planners validate steps against this, so a
 * missing required parameter is reported at submission, not when the step runs.
 */
public record ToolDescriptor(String name, String description, List<ToolParam> params) {
  public ToolDescriptor {
    if (name == null || !name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("tool name must be dotted lower-case words, was " + name);
    }
    params = List.copyOf(params);
  }

  public Optional<ToolParam> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }
}
