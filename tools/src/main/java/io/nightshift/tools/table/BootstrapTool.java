package io.nightshift.tools.table;

import io.nightshift.core.table.Table;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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
            ToolParam.optional("seed", "random seed", "42")));
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
    double[] xs = IntStream.range(0, in.rows().size()).mapToDouble(r -> in.number(r, col)).toArray();
    if (xs.length == 0) {
      throw ToolException.permanent("column '" + args.required("column") + "' has no rows to resample");
    }
    SplittableRandom random = new SplittableRandom((long) args.number("seed", 42));
    double[] means = new double[resamples];
    double[] medians = new double[resamples];
    double[] sample = new double[xs.length];
    for (int i = 0; i < resamples; i++) {
      for (int j = 0; j < xs.length; j++) {
        sample[j] = xs[random.nextInt(xs.length)];
      }
      means[i] = Statistics.mean(sample);
      medians[i] = Statistics.median(sample);
      if ((i + 1) % HEARTBEAT_EVERY == 0) {
        context.heartbeat((i + 1) + "/" + resamples + " resamples");
      }
    }
    double lo = (1 - confidence) / 2;
    Table out = new Table(List.of("statistic", "estimate", "lower", "upper", "confidence", "resamples"), List.of(
        row("mean", Statistics.mean(xs), means, lo, confidence, resamples),
        row("median", Statistics.median(xs), medians, lo, confidence, resamples)));
    return new ToolOutput(TableArtifacts.write(context, out), String.format(java.util.Locale.ROOT,
        "mean %s, %.0f%% CI [%s, %s]", Statistics.format(Statistics.mean(xs)), confidence * 100,
        Statistics.format(Statistics.quantile(means, lo)), Statistics.format(Statistics.quantile(means, 1 - lo))));
  }

  private static List<String> row(String name, double estimate, double[] dist, double lo, double conf, int n) {
    return List.of(name, Statistics.format(estimate), Statistics.format(Statistics.quantile(dist, lo)),
        Statistics.format(Statistics.quantile(dist, 1 - lo)), String.valueOf(conf), String.valueOf(n));
  }
}
