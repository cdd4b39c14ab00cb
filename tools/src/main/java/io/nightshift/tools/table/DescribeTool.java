package io.nightshift.tools.table;

import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Summarises each numeric column of a table: count, mean, median, standard deviation, min, max. */
final class DescribeTool implements Tool {
  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("table.describe", "Descriptive statistics of each numeric column", List.of(
        ToolParam.required("input", "the table, e.g. ${steps.filter.output}")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    Table in = TableArtifacts.read(context, args.required("input"), "input");
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < in.header().size(); c++) {
      if (!in.isNumeric(c)) {
        continue;
      }
      int col = c;
      double[] xs = IntStream.range(0, in.rows().size()).mapToDouble(r -> in.number(r, col)).toArray();
      rows.add(List.of(in.header().get(c), String.valueOf(xs.length), Statistics.format(Statistics.mean(xs)),
          Statistics.format(Statistics.median(xs)), Statistics.format(Statistics.stdev(xs)),
          Statistics.format(Statistics.quantile(xs, 0)), Statistics.format(Statistics.quantile(xs, 1))));
    }
    Table out = new Table(List.of("column", "count", "mean", "median", "stdev", "min", "max"), rows);
    return new ToolOutput(TableArtifacts.write(context, out),
        rows.size() + " numeric columns over " + in.rows().size() + " rows");
  }
}
