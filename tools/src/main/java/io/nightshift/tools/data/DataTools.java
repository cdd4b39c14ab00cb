package io.nightshift.tools.data;

import io.nightshift.core.tool.Tool;

/** Factory for the data tools; their classes stay package-private. */
public final class DataTools {
  private DataTools() {}

  public static Tool readCsv() {
    return new ReadCsvTool();
  }
}
