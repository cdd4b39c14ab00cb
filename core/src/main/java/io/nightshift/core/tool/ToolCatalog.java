package io.nightshift.core.tool;

import java.util.Collection;
import java.util.Optional;

/** Read-only view of the tools the runtime knows, for planners to validate against. */
public interface ToolCatalog {
  Optional<ToolDescriptor> describe(String toolName);

  Collection<ToolDescriptor> all();
}
