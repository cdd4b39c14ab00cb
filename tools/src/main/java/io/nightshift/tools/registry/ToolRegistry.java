package io.nightshift.tools.registry;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every tool the runtime can run, from all {@link ToolProvider}s on the class path. Two tools with one name is
 * a set-up error reported at start, naming both providers, rather than a coin toss at run time.
 */
public final class ToolRegistry implements ToolCatalog {
  private final Map<String, Tool> tools;

  private ToolRegistry(Map<String, Tool> tools) {
    this.tools = tools;
  }

  public static ToolRegistry fromClassPath() {
    return of(ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  public static ToolRegistry of(List<? extends ToolProvider> providers) {
    Map<String, Tool> tools = new TreeMap<>();
    Map<String, String> origin = new TreeMap<>();
    for (ToolProvider provider : providers) {
      for (Tool tool : provider.tools()) {
        String name = tool.descriptor().name();
        String from = provider.getClass().getName();
        if (tools.putIfAbsent(name, tool) != null) {
          throw new IllegalStateException("tool '" + name + "' is provided twice: by " + origin.get(name)
              + " and by " + from + "; remove one of the jars or rename the tool");
        }
        origin.put(name, from);
      }
    }
    return new ToolRegistry(Map.copyOf(tools));
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  @Override
  public Optional<ToolDescriptor> describe(String toolName) {
    return find(toolName).map(Tool::descriptor);
  }

  @Override
  public Collection<ToolDescriptor> all() {
    return new TreeMap<>(tools).values().stream().map(Tool::descriptor).toList();
  }
}
