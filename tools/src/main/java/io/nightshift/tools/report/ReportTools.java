package io.nightshift.tools.report;

import io.nightshift.core.tool.Tool;

/** Factory for the report tools; their classes stay package-private. */
public final class ReportTools {
  private ReportTools() {}

  public static Tool markdown() {
    return new MarkdownReportTool();
  }
}
