package io.nightshift.tools.table;

import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.util.List;

/** Keeps the rows of a table that meet a condition. */
final class FilterTool implements Tool {
  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("table.filter", "Keep the rows of a CSV table that meet a condition", List.of(
        ToolParam.required("input", "the table, e.g. ${steps.load.output}"),
        ToolParam.required("where", "condition, e.g. \"mw <= 500 and logp <= 5\"")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    Table in = TableArtifacts.read(context, args.required("input"), "input");
    var keep = RowFilter.compile(args.required("where"), in);
    Table out = new Table(in.header(), in.rows().stream().filter(keep).toList());
    return new ToolOutput(TableArtifacts.write(context, out),
        out.rows().size() + " of " + in.rows().size() + " rows meet " + args.required("where"));
  }
}
