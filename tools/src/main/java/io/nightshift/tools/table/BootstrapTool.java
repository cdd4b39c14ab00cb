package io.nightshift.tools.table;

import io.nightshift.core.table.Table;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a column's mean and median. Seeded from the parameters, so a
 * retried call computes the same interval and stores the same artifact. Heartbeats as it goes, since a large
 * number of resamples runs for a while.
 */
final class BootstrapTool implements Tool {
  private static final int HEARTBEAT_EVERY = 20_000;

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("stats.bootstrap", "Bootstrap confidence intervals of a column's mean and median",
        List.of(ToolParam.required("input", "the table"),
            ToolParam.required("column", "a numeric column"),
            ToolParam.optional("resamples", "number of bootstrap resamples", "10000"),
            ToolParam.optional("confidence", "two-sided confidence level", "0.95"),
            ToolParam.optional("seed", "random seed", "42"),
            ToolParam.optional("group_by", "compute one interval per value of this column", null)));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    Table in = TableArtifacts.read(context, args.required("input"), "input");
    int col = in.column(args.required("column"));
    int resamples = (int) args.number("resamples", 10_000);
    double confidence = args.number("confidence", 0.95);
    if (resamples < 1 || resamples > 100_000_000) {
      throw ToolException.permanent("resamples must be between 1 and 100000000, was " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw ToolException.permanent("confidence must lie strictly between 0 and 1, was " + confidence);
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    int groupCol = args.optional("group_by").map(in::column).orElse(-1);
    for (int r = 0; r < in.rows().size(); r++) {
      groups.computeIfAbsent(groupCol < 0 ? "" : in.rows().get(r).get(groupCol), g -> new ArrayList<>()).add(r);
    }
    if (groups.isEmpty()) {
      throw ToolException.permanent("column '" + args.required("column") + "' has no rows to resample");
    }
    SplittableRandom random = new SplittableRandom((long) args.number("seed", 42));
    List<String> header = new ArrayList<>(List.of("statistic", "estimate", "lower", "upper", "confidence",
        "resamples"));
    if (groupCol >= 0) {
      header.add(0, in.header().get(groupCol));
    }
    List<List<String>> rows = new ArrayList<>();
    String summary = "";
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      double[] xs = g.getValue().stream().mapToDouble(r -> in.number(r, col)).toArray();
      Interval mean = new Interval();
      Interval median = new Interval();
      resample(xs, resamples, random, mean, median, context);
      double lo = (1 - confidence) / 2;
      for (List<String> row : List.of(row("mean", Statistics.mean(xs), mean.values, lo, confidence, resamples),
          row("median", Statistics.median(xs), median.values, lo, confidence, resamples))) {
        List<String> full = new ArrayList<>(row);
        if (groupCol >= 0) {
          full.add(0, g.getKey());
        }
        rows.add(full);
      }
      summary = String.format(Locale.ROOT, "mean %s, %.0f%% CI [%s, %s]",
          Statistics.format(Statistics.mean(xs)), confidence * 100,
          Statistics.format(Statistics.quantile(mean.values, lo)),
          Statistics.format(Statistics.quantile(mean.values, 1 - lo)));
    }
    Table out = new Table(header, rows);
    return new ToolOutput(TableArtifacts.write(context, out),
        groupCol < 0 ? summary : groups.size() + " groups by " + in.header().get(groupCol));
  }

  /** Bootstrap distributions of one sample's mean and median. */
  private static final class Interval {
    double[] values;
  }

  private static void resample(double[] xs, int resamples, SplittableRandom random, Interval mean, Interval median,
      ToolContext context) {
    mean.values = new double[resamples];
    median.values = new double[resamples];
    double[] sample = new double[xs.length];
    for (int i = 0; i < resamples; i++) {
      for (int j = 0; j < xs.length; j++) {
        sample[j] = xs[random.nextInt(xs.length)];
      }
      mean.values[i] = Statistics.mean(sample);
      median.values[i] = Statistics.median(sample);
      if ((i + 1) % HEARTBEAT_EVERY == 0) {
        context.heartbeat((i + 1) + "/" + resamples + " resamples");
      }
    }
  }

  private static List<String> row(String name, double estimate, double[] dist, double lo, double conf, int n) {
    return List.of(name, Statistics.format(estimate), Statistics.format(Statistics.quantile(dist, lo)),
        Statistics.format(Statistics.quantile(dist, 1 - lo)), String.valueOf(conf), String.valueOf(n));
  }
}
