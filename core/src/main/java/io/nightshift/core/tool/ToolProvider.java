package io.nightshift.core.tool;

import java.util.List;

/**
 * The plug-in point for tools: a jar lists its implementation in
 * {@code META-INF/services/io.nightshift.core.tool.ToolProvider} and the runtime finds it with
 * {@link java.util.ServiceLoader}.
 */
public interface ToolProvider {
  List<Tool> tools();
}
