package io.nightshift.tools.table;

import io.nightshift.core.tool.Tool;

/** Factory for the table tools; their classes stay package-private. */
public final class TableTools {
  private TableTools() {}

  public static Tool filter() {
    return new FilterTool();
  }

  public static Tool describe() {
    return new DescribeTool();
  }

  public static Tool bootstrap() {
    return new BootstrapTool();
  }
}
