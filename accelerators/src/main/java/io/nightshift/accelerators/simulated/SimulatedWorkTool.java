package io.nightshift.accelerators.simulated;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for accelerated work on a simulated pool: each row of its input table ({@code id}, {@code work} in the
 * pool model's work units) holds the call's leased units for as long as the pool's model says, in its scaled
 * time, one row after another, and answers which pool and how many units ran each row. It refuses to run without
 * a simulated lease, so it can never pass for work on real hardware. Not in the runtime's tool catalogue: a
 * benchmark or a capacity-planning run registers it.
 */
public final class SimulatedWorkTool implements Tool {
  public static final String NAME = "simulated.work";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME, "Hold the leased simulated units for the modelled time of each row's work",
        List.of(ToolParam.required("input", "a table with columns id and work (work units of the pool's model)")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    LeasedUnits units = context.units().orElseThrow(() -> ToolException.permanent(NAME
        + " needs a step that requires units of a simulated pool; this call holds none"));
    Table in = read(context, args.required("input"));
    int id = column(in, "id");
    int work = column(in, "work");
    String pool = units.lease().backendId();
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : in.rows()) {
      Duration hold = hold(units, row.get(work), row.get(id));
      sleep(hold);
      context.heartbeat("ran " + row.get(id) + " on " + pool);
      rows.add(List.of(row.get(id), row.get(work), pool, String.valueOf(units.devices().size()),
          String.valueOf(hold.toMillis())));
    }
    Table out = new Table(List.of("id", "work", "pool", "units", "held_ms"), rows);
    try {
      return new ToolOutput(context.artifacts().put(Csv.write(out).getBytes(StandardCharsets.UTF_8), "text/csv"),
          rows.size() + " row(s) of simulated work on " + pool);
    } catch (IOException e) {
      throw ToolException.retryable("could not store the output: " + e.getMessage(), e);
    }
  }

  private static Duration hold(LeasedUnits units, String work, String id) {
    double amount;
    try {
      amount = Double.parseDouble(work);
    } catch (NumberFormatException e) {
      throw ToolException.permanent("input: row " + id + ": work is not a number: " + work);
    }
    try {
      return SimulatedWork.realDuration(units.environment(), amount);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("input: row " + id + ": " + e.getMessage());
    }
  }

  private static Table read(ToolContext context, String ref) {
    try {
      return Csv.parse(new String(context.artifacts().read(context.artifacts().resolve(ref)),
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ToolException.retryable("could not read input " + ref + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("input: " + e.getMessage());
    }
  }

  private static int column(Table table, String name) {
    int i = table.header().indexOf(name);
    if (i < 0) {
      throw ToolException.permanent("input: no column '" + name + "' (columns: " + table.header() + ")");
    }
    return i;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ToolException.retryable("interrupted: the lease was taken back", e);
    }
  }
}
