package io.nightshift.core.tool;

import io.nightshift.core.error.ToolException;
import java.util.Map;
import java.util.Optional;

/** The parameters of one tool call, resolved (references replaced by {@code artifact:} URIs), with typed access. */
public record ToolArguments(Map<String, String> values) {
  public ToolArguments {
    values = Map.copyOf(values);
  }

  public String required(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw ToolException.permanent("parameter '" + name + "' is required");
    }
    return v;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  public String orDefault(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  public double number(String name, double fallback) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.get().trim());
    } catch (NumberFormatException e) {
      throw ToolException.permanent("parameter '" + name + "' must be a number, was '" + v.get() + "'");
    }
  }
}
