package io.nightshift.core.tool;

/**
 * One tool parameter.
 *
 * @param name         parameter name
 * @param description  shown to users and, later, to models
 * @param required     whether a step must give it
 * @param defaultValue used when an optional parameter is absent; may be null
 */
public record ToolParam(String name, String description, boolean required, String defaultValue) {
  public static ToolParam required(String name, String description) {
    return new ToolParam(name, description, true, null);
  }

  public static ToolParam optional(String name, String description, String defaultValue) {
    return new ToolParam(name, description, false, defaultValue);
  }
}
