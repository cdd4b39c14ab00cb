package io.nightshift.bench.engine;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.tools.registry.ToolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The median of repeated figures (e.g. per-run ratios) with a percentile bootstrap interval, computed by the
 * project's own {@code stats.bootstrap} tool (tools module, seeded, so the same figures give the same interval):
 * the benchmark reports what a pipeline step using that tool would report, rather than a second implementation.
 *
 * @param median    the sample median
 * @param lower     lower end of the interval of the median
 * @param upper     upper end
 * @param n         figures resampled
 * @param resamples bootstrap resamples
 */
public record MedianInterval(double median, double lower, double upper, int n, int resamples) {
  public static final int RESAMPLES = 10_000;
  public static final double CONFIDENCE = 0.95;
  public static final long SEED = 42;

  /** @param workDir scratch for the tool (it writes nothing there, but its context must name one) */
  public static MedianInterval of(List<Double> values, ArtifactStore artifacts, Path workDir) throws IOException {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to bootstrap");
    }
    Tool bootstrap = ToolRegistry.fromClassPath().find("stats.bootstrap")
        .orElseThrow(() -> new IllegalStateException("the stats.bootstrap tool is not on the class path"));
    String csv = "value\n" + values.stream().map(v -> String.format(Locale.ROOT, "%.17g", v))
        .collect(Collectors.joining("\n")) + "\n";
    String table = artifacts.put(csv.getBytes(StandardCharsets.UTF_8), "text/csv").uri();
    ToolContext context = new PlainToolContext(artifacts, "bench-median-interval", workDir);
    var out = bootstrap.execute(context, new ToolArguments(Map.of("input", table, "column", "value",
        "resamples", String.valueOf(RESAMPLES), "confidence", String.valueOf(CONFIDENCE),
        "seed", String.valueOf(SEED))));
    Table result = Csv.parse(new String(artifacts.read(out.artifact()), StandardCharsets.UTF_8));
    int statistic = result.column("statistic");
    for (int r = 0; r < result.rows().size(); r++) {
      if ("median".equals(result.rows().get(r).get(statistic))) {
        return new MedianInterval(result.number(r, result.column("estimate")),
            result.number(r, result.column("lower")), result.number(r, result.column("upper")), values.size(),
            RESAMPLES);
      }
    }
    throw new IllegalStateException("stats.bootstrap gave no median row: " + result.header());
  }

  /** "1.08, 95% bootstrap interval 1.01-1.16 (n=7, 10,000 resamples)" */
  public String describe() {
    return String.format(Locale.ROOT, "%.3f, %.0f%% bootstrap interval %.3f-%.3f (n=%d, %,d resamples)", median,
        CONFIDENCE * 100, lower, upper, n, resamples);
  }
}
