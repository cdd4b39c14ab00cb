package io.nightshift.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.tools.artifact.ReadArtifactTool;
import io.nightshift.tools.data.DataTools;
import io.nightshift.tools.memory.MemoryTools;
import io.nightshift.tools.report.ReportTools;
import io.nightshift.tools.table.TableTools;
import java.util.List;

/**
 * The tools every Nightshift runtime has: data loading, table operations, statistics, reports, artifact access,
 * agents' memory.
 */
public final class BuiltinTools implements ToolProvider {
  @Override
  public List<Tool> tools() {
    return List.of(DataTools.readCsv(), TableTools.filter(), TableTools.describe(), TableTools.bootstrap(),
        ReportTools.markdown(), new ReadArtifactTool(), MemoryTools.save(), MemoryTools.search());
  }
}
