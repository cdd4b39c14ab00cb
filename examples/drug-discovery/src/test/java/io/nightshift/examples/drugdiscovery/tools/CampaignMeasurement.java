package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: runs the campaign pipeline's steps through the tools alone (no engine), with the pipeline's
 * parameters, and prints each step's summary and the per-round progress, to compare rankings and parent weightings
 * at a size that takes minutes. The engine adds checkpoints and map chunks, not different numbers: docking is
 * re-seeded per molecule, so the demo's numbers reproduce here. Usage (the README's "Measured" section):
 * {@code java -cp CLASSPATH ...CampaignMeasurement OUT_DIR ROUNDS CANDIDATES DOCK_COUNT KEEP RANKING WEIGHTING
 * [EXPLOIT [SEED [EXCLUDE]]]}; EXPLOIT (default 0) goes to the generator and the triage, as the pipeline's
 * {@code exploit} does, SEED (default 7) is the pipeline's {@code seed}, and EXCLUDE ({@code docked}, the default
 * and the pipelines' way, or {@code none}, the way before) says whether the triage leaves out earlier rounds' docked
 * molecules.
 */
final class CampaignMeasurement {
  private CampaignMeasurement() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String candidates = args[2], dockCount = args[3], keep = args[4], ranking = args[5], weighting = args[6];
    String exploit = args.length > 7 ? args[7] : "0";
    String seed = args.length > 8 ? args[8] : "7";
    boolean excludeDocked = !(args.length > 9 && args[9].equals("none"));
    RecordingToolContext context = new RecordingToolContext(dir);
    Map<String, Tool> tools = new HashMap<>();
    new ChemToolProvider().tools().forEach(t -> tools.put(t.descriptor().name(), t));
    long start = System.nanoTime();

    String seeds = run(tools, context, "seeds", "chem.seeds", Map.of()).artifact().uri();
    String parents = seeds;
    List<String> docked = new ArrayList<>();
    List<MoleculeSet> dockedSets = new ArrayList<>();
    String selection = null;
    for (int r = 1; r <= rounds; r++) {
      String generated = run(tools, context, "generate" + r, "chem.generate", Map.of("molecules", parents,
          "count", candidates, "seed", seed + r, "round", String.valueOf(r), "parent_weighting", weighting,
          "exploit", exploit))
          .artifact().uri();
      String filtered = run(tools, context, "filter" + r, "chem.filter", Map.of("molecules", generated,
          "min_qed", "0.3")).artifact().uri();
      Map<String, String> triage = new HashMap<>(Map.of("molecules", filtered, "count", dockCount,
          "max_similarity", "0.8", "ranking", ranking, "exploit", exploit));
      if (excludeDocked && !docked.isEmpty()) {
        triage.put("exclude", String.join(",", docked)); // as the shipped pipelines' triage does
      }
      String triaged = run(tools, context, "triage" + r, "chem.select", triage).artifact().uri();
      ToolOutput dock = run(tools, context, "dock" + r, "chem.dock", Map.of("molecules", triaged, "effort", "fast"));
      docked.add(dock.artifact().uri());
      dockedSets.add(context.read(dock.artifact()));
      String pool = dock.artifact().uri() + (selection == null ? "" : "," + selection);
      selection = run(tools, context, "select" + r, "chem.select", Map.of("molecules", pool, "count", keep,
          "ranking", ranking)).artifact().uri();
      parents = selection;
    }
    ToolOutput report = run(tools, context, "report", "chem.report", Map.of("molecules", selection,
        "rounds", String.join(",", docked), "ancestors", seeds, "top", keep));
    Files.write(dir.resolve("report.html"), context.artifacts().read(report.artifact()));

    RoundProgress.Table table = RoundProgress.of(dockedSets);
    System.out.printf(Locale.ROOT, "%n%s, %s weighting, exploit %s, seed %s, %s, %d rounds, %s candidates, %s docked,"
        + " keep %s: %.0f s%n", ranking, weighting, exploit, seed,
        excludeDocked ? "earlier rounds' docked left out" : "no exclusion", rounds, candidates, dockCount, keep,
        (System.nanoTime() - start) / 1e9);
    System.out.println("round | docked | best | top decile (n) | hypervolume | best so far | hypervolume so far");
    for (RoundProgress p : table.rounds()) {
      System.out.printf(Locale.ROOT, "%s | %d | %.2f | %.2f (%d) | %.4f | %.2f | %.4f%n", p.label(), p.docked(),
          p.best(), p.topDecile(), p.topDecileCount(), p.hypervolume(), p.bestSoFar(), p.hypervolumeSoFar());
    }
    System.out.println("report: " + dir.resolve("report.html"));
  }

  private static ToolOutput run(Map<String, Tool> tools, RecordingToolContext context, String step, String tool,
      Map<String, String> args) {
    ToolOutput out = tools.get(tool).execute(context, new ToolArguments(args));
    System.out.println(step + ": " + out.summary());
    return out;
  }
}
