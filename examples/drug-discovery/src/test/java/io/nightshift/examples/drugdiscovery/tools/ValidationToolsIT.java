package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drug-discovery-validate pipeline's steps at a tiny size, through the tools (no engine): two actives with one
 * decoy each, docked by OpenChemLib (fast) and Vina (exhaustiveness 1; needs Debian's autodock-vina and
 * openbabel, as CI installs) side by side, then enrichment and report. Asserts only that the metrics are
 * computed and in range: four molecules say nothing about the docking.
 */
class ValidationToolsIT {
  @TempDir Path dir;

  @Test
  void shouldComputeEnrichmentOfBothEnginesAndTheirConsensusOverATinyValidationSet() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    Map<String, Tool> tools = new HashMap<>();
    new ChemToolProvider().tools().forEach(t -> tools.put(t.descriptor().name(), t));

    ToolOutput set = run(tools, context, "chem.validation_set", Map.of("actives", "2", "decoys_per_active", "1"));
    System.out.println("set: " + set.summary());
    MoleculeSet molecules = context.read(set.artifact());
    assertThat(molecules.size()).isEqualTo(4);
    // the two engines dock side by side, as the pipeline's two independent dock steps run: Vina (one core at
    // exhaustiveness 1, about 45 s for these four) would otherwise wait for OpenChemLib's 10-13 s, and the
    // other way round
    ExecutorService beside = Executors.newSingleThreadExecutor();
    ToolOutput ocl;
    ToolOutput vina;
    try {
      Future<ToolOutput> oclDocked = beside.submit(() -> run(tools, context, "chem.dock", Map.of("molecules",
          set.artifact().uri(), "engine", "openchemlib", "effort", "fast")));
      vina = run(tools, context, "chem.dock", Map.of("molecules", set.artifact().uri(),
          "engine", "vina", "effort", "fast", "exhaustiveness", "1"));
      ocl = oclDocked.get();
    } finally {
      beside.shutdownNow();
    }
    System.out.println("openchemlib: " + ocl.summary() + "\nvina: " + vina.summary());

    ToolOutput enrichment = run(tools, context, "chem.enrichment", Map.of("docked",
        ocl.artifact().uri() + "," + vina.artifact().uri(), "engines", "openchemlib,vina", "resamples", "200"));
    System.out.println("enrichment: " + enrichment.summary());
    Table table = Csv.parse(new String(context.artifacts().read(enrichment.artifact()), StandardCharsets.UTF_8));
    assertThat(table.rows()).extracting(r -> r.get(0)).containsOnly("openchemlib", "vina", "consensus (mean rank)",
        "molecular weight alone (heavier first)");
    for (List<String> row : table.rows()) {
      double estimate = Double.parseDouble(row.get(2));
      double lower = Double.parseDouble(row.get(3));
      double upper = Double.parseDouble(row.get(4));
      // AUC in [0, 1]; EF in [0, N / actives] = [0, 2]
      double max = row.get(1).equals("roc_auc") ? 1 : 2;
      assertThat(List.of(estimate, lower, upper)).as("%s", row).allSatisfy(v -> assertThat(v).isBetween(0.0, max));
      assertThat(lower).isLessThanOrEqualTo(upper);
      assertThat(row.get(7) + "/" + row.get(8)).isEqualTo("2/2");
    }

    ToolOutput report = run(tools, context, "chem.validation_report", Map.of("enrichment",
        enrichment.artifact().uri(), "molecules", set.artifact().uri()));
    String html = new String(context.artifacts().read(report.artifact()), StandardCharsets.UTF_8);
    assertThat(html).contains("consensus (mean rank)").contains("AutoDock Vina").contains("imatinib");
  }

  private static ToolOutput run(Map<String, Tool> tools, RecordingToolContext context, String name,
      Map<String, String> args) {
    return tools.get(name).execute(context, new ToolArguments(args));
  }
}
