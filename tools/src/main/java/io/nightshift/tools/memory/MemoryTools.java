package io.nightshift.tools.memory;

import io.nightshift.core.tool.Tool;

/** The agents' memory tools: {@code memory.save} and {@code memory.search} (see {@link io.nightshift.core.memory}). */
public final class MemoryTools {
  private MemoryTools() {}

  public static Tool save() {
    return new SaveNoteTool();
  }

  public static Tool search() {
    return new SearchNotesTool();
  }
}
