package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small design-make-test round through the tools alone (no engine): seeds, generate, filter, dock, select,
 * report. An integration test because docking a handful of molecules takes about a minute on two cores.
 */
class CampaignToolsIT {
  @TempDir Path dir;

  @Test
  void shouldRunOneRoundFromSeedsToReport() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    Map<String, Tool> tools = new HashMap<>();
    new ChemToolProvider().tools().forEach(t -> tools.put(t.descriptor().name(), t));

    String seeds = run(tools, context, "chem.seeds", Map.of("limit", "4")).artifact().uri();
    String generated = run(tools, context, "chem.generate",
        Map.of("molecules", seeds, "count", "12", "seed", "11", "round", "1")).artifact().uri();
    ToolOutput filtered = run(tools, context, "chem.filter", Map.of("molecules", generated));
    System.out.println("filter: " + filtered.summary());

    Map<String, String> dockArgs = Map.of("molecules", filtered.artifact().uri(), "max_molecules", "4",
        "effort", "fast");
    ToolOutput docked = run(tools, context, "chem.dock", dockArgs);
    System.out.println("dock: " + docked.summary());
    MoleculeSet dockedSet = context.read(docked.artifact());
    long scored = dockedSet.candidates().stream().filter(c -> c.property("dock_score").isPresent()).count();
    assertThat(scored).isEqualTo(Math.min(4, dockedSet.size()));
    assertThat(context.heartbeats).hasSize((int) scored).last().asString().startsWith("docked " + scored + " of ");

    ToolOutput selected = run(tools, context, "chem.select",
        Map.of("molecules", docked.artifact().uri(), "count", "3"));
    MoleculeSet best = context.read(selected.artifact());
    assertThat(best.candidates()).isNotEmpty().allSatisfy(c -> assertThat(c.parents()).isNotEmpty());
    assertThat(best.candidates().get(0).property("dock_score")).isPresent();

    ToolOutput report = run(tools, context, "chem.report", Map.of("molecules", selected.artifact().uri(),
        "rounds", docked.artifact().uri(), "ancestors", seeds));
    String html = new String(context.artifacts().read(report.artifact()), StandardCharsets.UTF_8);
    assertThat(html).contains("(seed)").contains("<svg");
    for (Candidate c : best.candidates()) {
      assertThat(html).contains(c.id());
    }

    // idempotent: the docking step run again (a retry) gives the same artifact
    assertThat(run(tools, context, "chem.dock", dockArgs).artifact()).isEqualTo(docked.artifact());
  }

  private static ToolOutput run(Map<String, Tool> tools, RecordingToolContext context, String name,
      Map<String, String> args) {
    return tools.get(name).execute(context, new ToolArguments(args));
  }
}
