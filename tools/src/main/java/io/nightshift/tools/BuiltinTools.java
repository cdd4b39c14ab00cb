package io.nightshift.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import java.util.List;

/** The tools every Nightshift runtime has: data loading, table operations, statistics, reports, artifact access. */
public final class BuiltinTools implements ToolProvider {
  @Override
  public List<Tool> tools() {
    return List.of(io.nightshift.tools.data.DataTools.readCsv(), io.nightshift.tools.table.TableTools.filter(),
        io.nightshift.tools.table.TableTools.describe(), io.nightshift.tools.table.TableTools.bootstrap(),
        io.nightshift.tools.report.ReportTools.markdown(), new io.nightshift.tools.artifact.ReadArtifactTool());
  }
}
